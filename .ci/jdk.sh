# Selects the newest JDK present (virtual threads need 21+; the build targets 17 and runs on any JDK >= 17).
# A JDK's major version comes from its `release` file: starting a JVM to ask it costs ./start a quarter of a second.
java_major() {
  local version=""
  if [ -f "$1/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  fi
  if [ -z "$version" ]; then
    version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  fi
  version=${version#1.} # 1.8.0_x names major 8
  echo "${version%%[._]*}"
}
newest=""
best=0
for dir in /usr/lib/jvm/*/ "${JAVA_HOME:-}"; do
  [ -x "$dir/bin/javac" ] || continue
  major=$(java_major "${dir%/}")
  if [ -n "$major" ] && [ "$major" -gt "$best" ] 2>/dev/null; then best=$major; newest=${dir%/}; fi
done
if [ -n "$newest" ]; then export JAVA_HOME="$newest"; export PATH="$JAVA_HOME/bin:$PATH"; fi
