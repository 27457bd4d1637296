import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Streamed upload and download of one file through the broker, and the same file through nginx. */
final class Throughput {
    private final Api api;
    private final Nginx nginx;

    Throughput(Api api, Nginx nginx, BrokerUnderTest broker) {
        this.api = api;
        this.nginx = nginx;
    }

    Map<String, Double> measure(Path file, int runs) throws Exception {
        long size = Files.size(file);
        List<Double> brokerUp = new ArrayList<>(), nginxUp = new ArrayList<>();
        List<Double> brokerDown = new ArrayList<>(), nginxDown = new ArrayList<>();
        List<Double> brokerRanges = new ArrayList<>(), nginxRanges = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            String id = api.initialize();
            long t0 = System.nanoTime();
            api.uploadFile(id, file);
            brokerUp.add(Stats.mbPerSecond(size, System.nanoTime() - t0));

            String name = "run-" + run + ".bin";
            t0 = System.nanoTime();
            var put = api.http.send(HttpRequest.newBuilder(URI.create(nginx.url(name)))
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.discarding());
            if (put.statusCode() / 100 != 2) {
                throw new IllegalStateException("nginx PUT answered " + put.statusCode());
            }
            nginxUp.add(Stats.mbPerSecond(size, System.nanoTime() - t0));

            brokerDown.add(timed(size, () -> api.download(id, null)));
            nginxDown.add(timed(size, () -> get(nginx.url(name), null)));
            brokerRanges.add(timed(size, () -> inFourRanges(size, range -> api.download(id, range))));
            nginxRanges.add(timed(size, () -> inFourRanges(size, range -> get(nginx.url(name), range))));
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("upload_mbps", Stats.median(brokerUp));
        figures.put("nginx_upload_mbps", Stats.median(nginxUp));
        figures.put("upload_ratio", Stats.median(brokerUp) / Stats.median(nginxUp));
        figures.put("download_mbps", Stats.median(brokerDown));
        figures.put("nginx_download_mbps", Stats.median(nginxDown));
        figures.put("download_ratio", Stats.median(brokerDown) / Stats.median(nginxDown));
        figures.put("download_4_ranges_mbps", Stats.median(brokerRanges));
        figures.put("nginx_download_4_ranges_mbps", Stats.median(nginxRanges));
        figures.put("download_4_ranges_ratio", Stats.median(brokerRanges) / Stats.median(nginxRanges));
        return figures;
    }

    private long get(String url, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (range != null) {
            request.header("Range", range);
        }
        return Api.drain(api.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    interface Fetch {
        long fetch(String range) throws Exception;
    }

    interface Work {
        long run() throws Exception;
    }

    private static double timed(long expectedBytes, Work work) throws Exception {
        long t0 = System.nanoTime();
        long bytes = work.run();
        long elapsed = System.nanoTime() - t0;
        if (bytes != expectedBytes) {
            throw new IllegalStateException("Read " + bytes + " bytes, expected " + expectedBytes);
        }
        return Stats.mbPerSecond(bytes, elapsed);
    }

    static long inFourRanges(long size, Fetch fetch) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            long quarter = size / 4;
            for (int i = 0; i < 4; i++) {
                long first = i * quarter;
                long last = i == 3 ? size - 1 : first + quarter - 1;
                parts.add(pool.submit(() -> fetch.fetch("bytes=" + first + "-" + last)));
            }
            long total = 0;
            for (Future<Long> part : parts) {
                total += part.get();
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }
}
