package no.formidler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 (MOVEit, Accellion: SQL injection): no SQL is built from strings at run time. Every statement given to
 * {@code JdbcClient.sql} is made of string literals, text blocks and {@code UPPER_CASE} constants only, with values as
 * named parameters. The one exception is listed: the search joins fixed fragments picked by enums and booleans,
 * never by client text.
 */
class SqlTextTest {
    private static final Pattern SQL_CALL = Pattern.compile("\\.sql\\(");
    private static final Pattern LITERALS = Pattern.compile("\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern ONLY_CONSTANTS = Pattern.compile("[\\sA-Z0-9_+]*");
    private static final List<String> FIXED_FRAGMENTS_ONLY = List.of("transfer/TransferSearch.java");

    @Test
    void everyStatementIsMadeOfLiteralsAndConstants() throws IOException {
        List<String> built = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String path = file.toString().replace('\\', '/');
                if (FIXED_FRAGMENTS_ONLY.stream().noneMatch(path::endsWith)) {
                    String source = Files.readString(file);
                    Matcher call = SQL_CALL.matcher(source);
                    while (call.find()) {
                        String argument = argument(source, call.end());
                        if (!ONLY_CONSTANTS.matcher(LITERALS.matcher(argument).replaceAll("")).matches()) {
                            built.add(path + ": .sql(" + argument.lines().findFirst().orElse("") + " …");
                        }
                    }
                }
            }
        }
        assertThat(built).as("SQL built at run time").isEmpty();
    }

    /** The text of the call's argument, up to its closing parenthesis (literals skipped whole). */
    private static String argument(String source, int from) {
        Matcher literal = LITERALS.matcher(source);
        int depth = 0;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' && literal.find(i) && literal.start() == i) {
                i = literal.end() - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                return source.substring(from, i);
            }
        }
        return source.substring(from);
    }
}
