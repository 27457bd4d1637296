import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Formidler's benchmark: starts the broker from target/formidler.jar in a temporary data directory (embedded
 * PostgreSQL, filesystem store, development tokens) and nginx beside it on the same disk, measures each figure as the
 * median of at least three runs, and writes bench/results/latest.json and docs/benchmark-figures.md.
 * {@code --quick} uses tiny sizes so that CI can keep the harness working in seconds.
 */
public final class Bench {
    public static void main(String[] args) {
        // Exit explicitly either way: a pool thread left behind by a measurement must not keep the benchmark (and CI)
        // waiting.
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Sizes sizes = (quick ? Sizes.QUICK : Sizes.FULL).overridden();
        // BENCH_ONLY=transfers,tus runs just those parts; a full-size run replaces just their figures in latest.json.
        Set<String> only = Set.of(System.getenv().getOrDefault("BENCH_ONLY", "").split(","));
        boolean all = only.equals(Set.of(""));
        Path work = Files.createTempDirectory("formidler-bench-");
        Results results = new Results(quick);
        List<String> failures = new ArrayList<>();

        // BENCH_AOT=0|1: whether the broker runs with ./start's AOT cache (default: yes, but not with --quick).
        BrokerUnderTest.aot = System.getenv().getOrDefault("BENCH_AOT", quick ? "0" : "1").equals("1");
        if (BrokerUnderTest.aot) {
            results.startup(Map.of("startup_aot_preparation_s", BrokerUnderTest.prepare()));
        }
        if (all || only.contains("startup")) {
            results.startup(Startup.measure(work, quick ? 1 : 3));
        }
        try (Nginx nginx = Nginx.start(work.resolve("nginx"));
             BrokerUnderTest broker = BrokerUnderTest.start(work.resolve("broker"))) {
            Api api = new Api(broker.baseUrl());
            Path file = Content.randomFile(work.resolve("payload.bin"), sizes.transferBytes());
            if (all || only.contains("transfers") || only.contains("tus")) {
                new WarmUp(api, nginx).run(work, sizes.warmUpRequests());
                results.transfers(new Throughput(api, nginx, broker).measure(file, sizes.runs()));
            }
            if (all || only.contains("tus")) {
                results.tus(new TusThroughput(api, broker).measure(file, sizes.runs(), results.streamedUploadMbps()));
            }
            if (all || only.contains("memory")) {
                results.memory(new MemoryProfile(api, broker).measure(sizes.memoryBytes()));
            }
            if (all || only.contains("slowclients") || only.contains("metadata")) {
                new MetadataLoad(api).warmUp(sizes.metadataWarmUpSeconds());
            }
            if (all || only.contains("slowclients")) {
                results.slowClients(new SlowClients(api).measure(sizes.slowClients(), sizes.loadSeconds()));
            }
            if (all || only.contains("metadata")) {
                results.metadata(new MetadataLoad(api).measure(sizes.apiTransfers(), sizes.storedTransfers(), sizes.loadSeconds(),
                        work.resolve("broker"), work));
            }
            if (all || only.contains("events")) {
                results.events(new EventDelivery(api).measure(sizes.eventTransfers()));
            }
            Files.deleteIfExists(file);
        } catch (RuntimeException e) {
            failures.add(e.toString());
            throw e;
        } finally {
            if (all) {
                results.write(Path.of(quick ? "bench/results/quick.json" : "bench/results/latest.json"),
                        quick ? null : Path.of("docs/benchmark-figures.md"),
                        LocalDate.now().toString(), failures);
            } else if (!quick && sizes.equals(Sizes.FULL)) {
                results.merge(Path.of("bench/results/latest.json"), LocalDate.now().toString(),
                        String.join(",", only), failures);
            }
            Content.deleteTree(work);
        }
        System.out.println(results.summary());
    }

    /**
     * How much work each figure gets; the full sizes are those of issues #9 and #16. {@code BENCH_TRANSFER_MB} and
     * {@code BENCH_MEMORY_MB} override the file sizes (the 10 GiB memory run takes minutes). The throughput figures come
     * after {@link WarmUp}'s requests ({@code BENCH_WARM_UP}, 0 for none); the latency figures after each operation's
     * unmeasured load ({@code BENCH_METADATA_WARM_UP_S} seconds each).
     */
    record Sizes(long transferBytes, int runs, long memoryBytes, int apiTransfers, int[] storedTransfers, int loadSeconds,
            int eventTransfers, int slowClients, int warmUpRequests, int metadataWarmUpSeconds) {
        // Metadata: 1,000 transfers made through the API, multiplied in the database to 100,000, then 1,000,000.
        static final Sizes FULL = new Sizes(1L << 30, 3, 10L << 30, 1_000, new int[]{100_000, 1_000_000}, 10, 1_000, 200, 1_000, 100);
        static final Sizes QUICK = new Sizes(8L << 20, 3, 32L << 20, 50, new int[]{200, 2_000}, 1, 20, 5, 20, 2);

        Sizes overridden() {
            String stored = System.getenv().getOrDefault("BENCH_STORED", "").trim(); // e.g. 100000,1000000
            return new Sizes(megabytes("BENCH_TRANSFER_MB", transferBytes), runs, megabytes("BENCH_MEMORY_MB", memoryBytes),
                    apiTransfers, stored.isEmpty() ? storedTransfers
                            : java.util.Arrays.stream(stored.split(",")).mapToInt(Integer::parseInt).toArray(),
                    loadSeconds, eventTransfers, slowClients,
                    Integer.parseInt(System.getenv().getOrDefault("BENCH_WARM_UP", Integer.toString(warmUpRequests))),
                    Integer.parseInt(System.getenv().getOrDefault("BENCH_METADATA_WARM_UP_S",
                            Integer.toString(metadataWarmUpSeconds))));
        }

        private static long megabytes(String variable, long otherwise) {
            String value = System.getenv(variable);
            return value == null || value.isBlank() ? otherwise : Long.parseLong(value) << 20;
        }
    }
}
