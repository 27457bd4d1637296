import java.io.IOException;
import java.io.RandomAccessFile;
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

/** TUS 1.0.0 upload with 8 MiB chunks: one upload, and four partial uploads joined by a final concatenation. */
final class TusThroughput {
    private static final int CHUNK = 8 << 20;
    private static final String TUS = "/broker/api/v1/filetransfer/upload/tus/";
    private final Api api;

    TusThroughput(Api api) {
        this.api = api;
    }

    Map<String, Double> measure(Path file, int runs, double streamedMbps) throws Exception {
        Map<String, Double> figures = new LinkedHashMap<>();
        String probe = api.initialize();
        var options = api.send(api.request(TUS + probe, api.senderToken).header("Tus-Resumable", "1.0.0")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        if (options.statusCode() / 100 != 2) {
            System.out.println("TUS is not available (OPTIONS answered " + options.statusCode() + "); skipped");
            return figures;
        }
        long size = Files.size(file);
        List<Double> sequential = new ArrayList<>(), parallel = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            String id = api.initialize();
            long t0 = System.nanoTime();
            String location = create(id, size, null);
            patch(location, file, 0, size);
            sequential.add(Stats.mbPerSecond(size, System.nanoTime() - t0));

            String parted = api.initialize();
            t0 = System.nanoTime();
            uploadInFourParts(parted, file, size);
            parallel.add(Stats.mbPerSecond(size, System.nanoTime() - t0));
        }
        figures.put("tus_mbps", Stats.median(sequential));
        figures.put("tus_ratio_to_streamed", Stats.median(sequential) / streamedMbps);
        figures.put("tus_4_parts_mbps", Stats.median(parallel));
        figures.put("tus_4_parts_ratio_to_tus", Stats.median(parallel) / Stats.median(sequential));
        return figures;
    }

    private void uploadInFourParts(String id, Path file, long size) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> parts = new ArrayList<>();
            long quarter = size / 4;
            for (int i = 0; i < 4; i++) {
                long first = i * quarter;
                long length = i == 3 ? size - first : quarter;
                parts.add(pool.submit(() -> {
                    String location = create(id, length, "partial");
                    patch(location, file, first, length);
                    return location;
                }));
            }
            StringBuilder concat = new StringBuilder("final;");
            for (Future<String> part : parts) {
                concat.append(part.get()).append(' ');
            }
            HttpResponse<String> done = api.send(api.request(TUS + id, api.senderToken).header("Tus-Resumable", "1.0.0")
                    .header("Upload-Concat", concat.toString().trim()).POST(HttpRequest.BodyPublishers.noBody()).build());
            check(done, 201);
        } finally {
            pool.shutdown();
        }
    }

    private String create(String id, long length, String concat) throws Exception {
        HttpRequest.Builder request = api.request(TUS + id, api.senderToken).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(length));
        if (concat != null) {
            request.header("Upload-Concat", concat);
        }
        HttpResponse<String> created = api.send(request.POST(HttpRequest.BodyPublishers.noBody()).build());
        check(created, 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return URI.create(api.baseUrl).resolve(location).getPath();
    }

    private void patch(String location, Path file, long first, long length) throws Exception {
        byte[] chunk = new byte[CHUNK];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            for (long offset = 0; offset < length; ) {
                int n = (int) Math.min(CHUNK, length - offset);
                in.seek(first + offset);
                in.readFully(chunk, 0, n);
                HttpResponse<String> patched = api.send(api.request(location, api.senderToken)
                        .header("Tus-Resumable", "1.0.0").header("Upload-Offset", Long.toString(offset))
                        .header("Content-Type", "application/offset+octet-stream")
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk, 0, n)).build());
                check(patched, 204);
                offset += n;
            }
        }
    }

    private static void check(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " " + response.uri() + " → " + response.statusCode() + " " + response.body());
        }
    }
}
