import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Latency and throughput of initialize, overview and search with 100,000 and 1,000,000 transfers stored. Each load
 * is run unmeasured for half its time first, so that the figures are of a warmed-up JVM (the JIT compiles the path of
 * each request only once it has run it for a while), then measured, with wrk as the clients when it is installed
 * (bench/run installs it; {@code BENCH_LOAD_CLIENT=java} takes the JDK's HttpClient, as before issue 16's last run).
 */
final class MetadataLoad {
    static final boolean WRK = !System.getenv().getOrDefault("BENCH_LOAD_CLIENT", "wrk").equals("java") && Wrk.installed();
    private final Api api;

    /** One request, sent over and over by each client of a load. */
    record Operation(String method, String path, String token, String jsonBody) {
        HttpRequest toRequest(Api api) {
            return jsonBody.isEmpty() ? api.request(path, token).GET().build() : api.json(path, token, method, jsonBody);
        }
    }

    record Latency(double p50Ms, double p99Ms, double rps) {
    }

    Operation initialize() {
        return new Operation("POST", "/broker/api/v1/filetransfer", api.senderToken, Api.INITIALIZE_BODY);
    }

    Operation overview(String id) {
        return new Operation("GET", "/broker/api/v1/filetransfer/" + id, api.senderToken, "");
    }

    Operation search() {
        return new Operation("GET", "/broker/api/v1/filetransfer?resourceId=" + Api.RESOURCE, api.senderToken, "");
    }

    /**
     * Warms the broker's JVM up for every latency figure after it: each operation in turn, unmeasured, for
     * {@code seconds} at 16 clients. On a slow 2-core VM a new broker's initialize throughput rose almost fivefold over
     * 150 s of load, with a false plateau at 50-60 s (docs/benchmarks.md), so the warm-up is a fixed time, not "until
     * two rounds agree"; the half-time warm-up of each load alone left the figures measured on a JVM still compiling.
     */
    void warmUp(int seconds) throws Exception {
        String sample = api.initialize();
        for (Operation operation : List.of(initialize(), overview(sample), search())) {
            measured(operation, 16, seconds);
        }
    }

    MetadataLoad(Api api) {
        this.api = api;
    }

    /**
     * Makes {@code throughApi} transfers one by one through the API, multiplies them in the database to each of
     * {@code sizes} in turn and measures there: at 16 and 64 clients at the first size, at 16 at the others, with
     * each figure's growth from the first size. Figures at the first size have no suffix (as before issue 16), the
     * others end in {@code _at_<size>}.
     */
    Map<String, Double> measure(int throughApi, int[] sizes, int seconds, Path brokerDataDir, Path work) throws Exception {
        String sample = seed(throughApi);
        Map<String, Operation> operations = new LinkedHashMap<>();
        operations.put("initialize", initialize());
        operations.put("overview", overview(sample));
        operations.put("search", search());
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("metadata_clients_are_wrk", WRK ? 1.0 : 0.0);
        figures.put("metadata_transfers_stored", (double) sizes[0]);
        try (BrokerDatabase database = BrokerDatabase.open(brokerDataDir, work)) {
            database.rememberSeed();
            for (int size : sizes) {
                long t0 = System.nanoTime();
                database.growTo(size);
                boolean first = size == sizes[0];
                String suffix = first ? "" : "_at_" + size;
                if (!first) {
                    figures.put("metadata_seconds_to_store" + suffix, (System.nanoTime() - t0) / 1e9);
                }
                for (int clients : first ? new int[]{16, 64} : new int[]{16}) {
                    for (var operation : operations.entrySet()) {
                        Latency latency = load(operation.getValue(), clients, seconds);
                        String key = operation.getKey() + "_" + clients;
                        double p99 = latency.p99Ms();
                        figures.put(key + "_p50_ms" + suffix, latency.p50Ms());
                        figures.put(key + "_p99_ms" + suffix, p99);
                        figures.put(key + "_rps" + suffix, latency.rps());
                        if (!first) {
                            figures.put(key + "_p99_growth" + suffix, p99 / figures.get(key + "_p99_ms"));
                        }
                    }
                }
            }
        }
        return figures;
    }

    /** Stores {@code count} transfers; returns the id of one of them. */
    private String seed(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        AtomicInteger left = new AtomicInteger(count);
        try {
            List<Future<String>> workers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                workers.add(pool.submit(() -> {
                    String last = null;
                    while (left.getAndDecrement() > 0) {
                        last = api.initialize();
                    }
                    return last;
                }));
            }
            String any = null;
            for (Future<String> worker : workers) {
                String id = worker.get();
                any = id == null ? any : id;
            }
            return any;
        } finally {
            pool.shutdown();
        }
    }

    /** Runs {@code operation} unmeasured for half of {@code seconds} (at least one), then measured for {@code seconds}. */
    Latency load(Operation operation, int clients, int seconds) throws Exception {
        measured(operation, clients, Math.max(1, seconds / 2));
        return measured(operation, clients, seconds);
    }

    private Latency measured(Operation operation, int clients, int seconds) throws Exception {
        if (WRK) {
            return Wrk.run(api.baseUrl, operation, clients, seconds);
        }
        long[] latencies = javaClients(() -> operation.toRequest(api), clients, seconds);
        return new Latency(Stats.percentileMillis(latencies, 50), Stats.percentileMillis(latencies, 99),
                latencies.length / (double) seconds);
    }

    private long[] javaClients(Supplier<HttpRequest> request, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try {
            List<Future<List<Long>>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<Void> response = api.http.send(request.get(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() / 100 != 2) {
                            throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
                        }
                        latencies.add(System.nanoTime() - t0);
                    }
                    return latencies;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> worker : workers) {
                all.addAll(worker.get());
            }
            return all.stream().mapToLong(Long::longValue).toArray();
        } finally {
            pool.shutdown();
        }
    }
}
