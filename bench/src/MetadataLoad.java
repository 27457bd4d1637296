import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Latency and throughput of initialize, overview and search with many transfers stored, at 16 and 64 clients. */
final class MetadataLoad {
    private final Api api;

    MetadataLoad(Api api) {
        this.api = api;
    }

    Map<String, Double> measure(int seeded, int seconds) throws Exception {
        String sample = seed(seeded);
        Map<String, Supplier<HttpRequest>> operations = new LinkedHashMap<>();
        operations.put("initialize", api::initializeRequest);
        operations.put("overview", () -> api.request("/broker/api/v1/filetransfer/" + sample, api.senderToken).GET().build());
        operations.put("search", () -> api.request("/broker/api/v1/filetransfer?resourceId=" + Api.RESOURCE, api.senderToken)
                .GET().build());
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("metadata_transfers_stored", (double) seeded);
        for (int clients : new int[]{16, 64}) {
            for (var operation : operations.entrySet()) {
                long[] latencies = load(operation.getValue(), clients, seconds);
                String key = operation.getKey() + "_" + clients;
                figures.put(key + "_p50_ms", Stats.percentileMillis(latencies, 50));
                figures.put(key + "_p99_ms", Stats.percentileMillis(latencies, 99));
                figures.put(key + "_rps", latencies.length / (double) seconds);
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

    private long[] load(Supplier<HttpRequest> request, int clients, int seconds) throws Exception {
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
