# Selects the newest JDK present (virtual threads need 21+; the build targets 17 and runs on any JDK >= 17).
newest=""
best=0
for dir in /usr/lib/jvm/*/ "${JAVA_HOME:-}"; do
  [ -x "$dir/bin/javac" ] || continue
  version=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  major=${version%%.*}
  if [ -n "$major" ] && [ "$major" -gt "$best" ] 2>/dev/null; then best=$major; newest=${dir%/}; fi
done
if [ -n "$newest" ]; then export JAVA_HOME="$newest"; export PATH="$JAVA_HOME/bin:$PATH"; fi
