package no.formidler.stats;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 lines as the reference writes them: {@code \n} line ends, quotes only where a value needs them. */
final class Csv {
    private Csv() {
    }

    static String line(List<?> values) {
        return values.stream().map(v -> escape(String.valueOf(v))).collect(Collectors.joining(",")) + "\n";
    }

    static String escape(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
