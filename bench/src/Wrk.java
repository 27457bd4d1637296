import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk, a native HTTP load generator (bench/run installs it), as the clients of the latency figures. Like curl for
 * the throughput figures it costs far less CPU per request than the JDK's HttpClient, which on a 2-core machine took
 * the CPU the broker was being measured on: one client alone waited 2–6 ms for {@code /health} where curl waited 0.7.
 */
final class Wrk {
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([\\d.]+)", Pattern.MULTILINE);
    private static final Pattern NOT_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    static boolean installed() {
        try {
            return new ProcessBuilder("sh", "-c", "command -v wrk").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs {@code operation} from {@code clients} connections for {@code seconds}; every answer must be a 2xx. */
    static MetadataLoad.Latency run(String baseUrl, MetadataLoad.Operation operation, int clients, int seconds)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("wrk", ".lua");
        try {
            Files.writeString(script, script(operation));
            List<String> command = List.of("wrk", "-t" + Math.min(2, clients), "-c" + clients, "-d" + seconds + "s",
                    "--timeout", "10s", "--latency", "-s", script.toString(), baseUrl + operation.path());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("wrk failed: " + output);
            }
            return parse(output, operation.path());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String script(MetadataLoad.Operation operation) {
        StringBuilder lua = new StringBuilder();
        lua.append("wrk.method = \"").append(operation.method()).append("\"\n");
        lua.append("wrk.headers[\"Authorization\"] = \"Bearer ").append(operation.token()).append("\"\n");
        if (!operation.jsonBody().isEmpty()) {
            lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
            lua.append("wrk.body = [==[").append(operation.jsonBody()).append("]==]\n");
        }
        return lua.toString();
    }

    static MetadataLoad.Latency parse(String output, String path) throws IOException {
        Matcher errors = ERRORS.matcher(output);
        Matcher not2xx = NOT_2XX.matcher(output);
        boolean socketErrors = errors.find() && Long.parseLong(errors.group(1)) + Long.parseLong(errors.group(2))
                + Long.parseLong(errors.group(3)) + Long.parseLong(errors.group(4)) > 0;
        if (not2xx.find() || socketErrors) {
            throw new IOException(path + ": not every answer was a 2xx\n" + output);
        }
        double p50 = -1, p99 = -1;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double ms = millis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        Matcher rate = RATE.matcher(output);
        if (p50 < 0 || p99 < 0 || !rate.find()) {
            throw new IOException("Unexpected wrk output:\n" + output);
        }
        return new MetadataLoad.Latency(p50, p99, Double.parseDouble(rate.group(1)));
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }
}
