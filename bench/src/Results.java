import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the figures and writes them as JSON and as the generated table in docs/benchmark-figures.md, with the targets
 * of #9 and #16. The reading of the figures lives by hand in docs/benchmarks.md, which a run never overwrites.
 */
final class Results {
    private record Target(String figure, String comparison, double bound) {
        boolean met(double value) {
            return comparison.equals(">=") ? value >= bound : value < bound;
        }
    }

    private static final List<Target> TARGETS = List.of(
            new Target("upload_ratio", ">=", 0.8),
            new Target("download_ratio", ">=", 0.9),
            new Target("download_4_ranges_ratio", ">=", 0.9),
            new Target("tus_ratio_to_streamed", ">=", 0.8),
            new Target("tus_4_parts_ratio_to_tus", ">=", 1.0),
            new Target("live_heap_growth_mb", "<", 64),
            new Target("initialize_16_p99_ms", "<", 50),
            new Target("overview_16_p99_ms", "<", 50),
            new Target("search_16_p99_ms", "<", 50),
            new Target("initialize_16_p99_ms_at_1000000", "<", 50),
            new Target("overview_16_p99_ms_at_1000000", "<", 50),
            new Target("search_16_p99_ms_at_1000000", "<", 50),
            new Target("initialize_16_p99_growth_at_1000000", "<", 1.5),
            new Target("overview_16_p99_growth_at_1000000", "<", 1.5),
            new Target("search_16_p99_growth_at_1000000", "<", 1.5),
            new Target("events_seconds_after_last_publish", "<", 10),
            new Target("overview_16_p99_ms_with_slow_clients", "<", 100),
            new Target("initialize_16_p99_ms_with_slow_clients", "<", 100),
            new Target("slow_clients_uploads_failed", "<", 1),
            new Target("startup_restart_s", "<", 5),
            new Target("startup_new_data_dir_s", "<", 10));

    private final boolean quick;
    private final Map<String, Double> figures = new LinkedHashMap<>();

    Results(boolean quick) {
        this.quick = quick;
    }

    void startup(Map<String, Double> f) { figures.putAll(f); }
    void transfers(Map<String, Double> f) { figures.putAll(f); }
    void tus(Map<String, Double> f) { figures.putAll(f); }
    void memory(Map<String, Double> f) { figures.putAll(f); }
    void metadata(Map<String, Double> f) { figures.putAll(f); }
    void events(Map<String, Double> f) { figures.putAll(f); }
    void slowClients(Map<String, Double> f) { figures.putAll(f); }

    double streamedUploadMbps() {
        return figures.getOrDefault("upload_mbps", Double.NaN);
    }

    void write(Path json, Path markdown, String date, List<String> failures) throws Exception {
        write(json, markdown, date, failures, quick ? "quick" : "full");
    }

    private void write(Path json, Path markdown, String date, List<String> failures, String mode) throws Exception {
        Files.createDirectories(json.getParent());
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"date\": \"").append(date).append("\",\n");
        out.append("  \"mode\": \"").append(mode).append("\",\n");
        out.append("  \"jdk\": \"").append(System.getProperty("java.version")).append("\",\n");
        out.append("  \"cpus\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
        out.append("  \"failures\": [").append(String.join(",", failures.stream().map(f -> "\"" + f.replace("\"", "'") + "\"").toList())).append("],\n");
        out.append("  \"figures\": {\n");
        List<String> entries = new ArrayList<>();
        figures.forEach((name, value) -> entries.add("    \"" + name + "\": " + number(value)));
        out.append(String.join(",\n", entries)).append("\n  }\n}\n");
        Files.writeString(json, out.toString());
        if (markdown != null) {
            Files.createDirectories(markdown.getParent());
            Files.writeString(markdown, markdown(date));
        }
    }

    /**
     * A partial run (BENCH_ONLY) replaces just its own figures in {@code json}, keeping the others from the run that
     * wrote them, and names the parts it measured in {@code mode}.
     */
    void merge(Path json, String date, String parts, List<String> failures) throws Exception {
        Map<String, Double> measured = new LinkedHashMap<>(figures);
        figures.clear();
        if (Files.exists(json)) {
            Matcher m = Pattern.compile("\"(\\w+)\": (-?[0-9.]+|null)").matcher(figuresOf(Files.readString(json)));
            while (m.find()) {
                figures.put(m.group(1), m.group(2).equals("null") ? Double.NaN : Double.parseDouble(m.group(2)));
            }
        }
        figures.putAll(measured);
        write(json, null, date, failures, "full, then " + parts + " again on " + date);
    }

    private static String figuresOf(String json) {
        int start = json.indexOf("\"figures\"");
        return start < 0 ? "" : json.substring(start);
    }

    String summary() {
        StringBuilder out = new StringBuilder("Formidler benchmark (" + (quick ? "quick" : "full") + ")\n");
        figures.forEach((name, value) -> out.append(String.format(Locale.ROOT, "  %-40s %12s%n", name, number(value))));
        for (Target target : TARGETS) {
            Double value = figures.get(target.figure());
            if (value != null) {
                out.append(String.format(Locale.ROOT, "  target %-33s %s %s: %s%n", target.figure(), target.comparison(),
                        number(target.bound()), target.met(value) ? "met" : "MISSED"));
            }
        }
        return out.toString();
    }

    private String markdown(String date) {
        StringBuilder md = new StringBuilder("# Benchmark figures\n\n"
                + "Written by `bench/run`; do not edit by hand. What the figures mean: [benchmarks.md](benchmarks.md).\n\n");
        md.append("Produced by `bench/run` (see below) on ").append(date).append(", JDK ")
                .append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs. Each throughput figure is the median of at least three runs; MB = 10^6 bytes.\n\n");
        md.append("## Targets\n\n| figure | value | target | met |\n|---|---|---|---|\n");
        for (Target target : TARGETS) {
            Double value = figures.get(target.figure());
            md.append("| ").append(target.figure()).append(" | ").append(value == null ? "not measured" : number(value))
                    .append(" | ").append(target.comparison()).append(' ').append(number(target.bound())).append(" | ")
                    .append(value == null ? "–" : target.met(value) ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n## All figures\n\n| figure | value |\n|---|---|\n");
        figures.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(number(value)).append(" |\n"));
        md.append("\n## How\n\n`bench/run` builds the jar, prepares `./start`'s AOT cache, starts the broker through `./start` in a temporary data directory (embedded PostgreSQL, "
                + "filesystem store, development tokens) and nginx (WebDAV PUT) on 127.0.0.1 writing to the same disk, then measures "
                + "in this order: start-up, streamed upload/download of a 1 GiB random file against nginx (curl as the client of both, "
                + "the server's CPU seconds per GiB from /proc beside each figure), TUS with 8 MiB chunks sent by curl "
                + "(sequential and 4 parallel partial uploads joined by concatenation), memory during a 10 GiB upload and download "
                + "(live heap sampled after `jcmd GC.run` each second), metadata latency with 100,000 transfers stored (16 and 64 "
                + "concurrent clients, 10 s each) and with 1,000,000 (16 clients; 1,000 transfers made through the API, multiplied "
                + "by insert-selects in the broker's database), 200 slow clients each sending a TUS PATCH and a streamed upload at "
                + "1 KiB/s while 16 clients' overview and initialize latency is measured (every slow upload must end in a 2xx), and event delivery of 1,000 published transfers to a local webhook. "
                + "`bench/run --quick` runs the same with tiny sizes and writes `bench/results/quick.json` (CI runs it so the harness keeps working; its figures mean nothing).\n");
        return md.toString();
    }

    private static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        return String.format(Locale.ROOT, value == Math.rint(value) && Math.abs(value) < 1e12 ? "%.0f" : "%.3f", value);
    }
}
