import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 16's slow clients: {@code clients} clients each send a TUS PATCH and a streamed upload at 1 KiB/s, all at
 * once, with the broker's default database pool, while 16 clients' overview and initialize latency is measured; every
 * slow upload must end in a 2xx. The figures: how many uploads the node held open at once, how many failed, and the
 * p99s beside them.
 */
final class SlowClients {
    private static final String TUS = "/broker/api/v1/filetransfer/upload/tus/";
    private static final int KIB = 1024;
    private final Api api;

    SlowClients(Api api) {
        this.api = api;
    }

    Map<String, Double> measure(int clients, int loadSeconds) throws Exception {
        // Long enough that every body is still trickling while both loads run, each with its warm-up (half as long), and
        // the ramp before them.
        int rampSeconds = Math.min(5, loadSeconds);
        int kibibytes = 2 * (loadSeconds + Math.max(1, loadSeconds / 2)) + rampSeconds + 5;
        long length = (long) kibibytes * KIB;
        List<String[]> requests = prepare(clients, length);
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peakOpen = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Double> figures = new LinkedHashMap<>();
        try (ExecutorService slow = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> uploads = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                String head = requests.get(i)[0];
                // Spread over the ramp, as real clients come: started (and so finishing) all in one instant, their
                // completions would queue for the pool together.
                long delay = 1_000L * rampSeconds * i / requests.size();
                uploads.add(slow.submit(() -> {
                    Thread.sleep(delay);
                    trickle(head, kibibytes, open, peakOpen, failed);
                    return null;
                }));
            }
            // The ramp: every connection open and sending before the measured clients start.
            long rampEnd = System.nanoTime() + 10_000_000_000L;
            while (open.get() < requests.size() && System.nanoTime() < rampEnd) {
                Thread.sleep(50);
            }
            String sample = api.initialize();
            MetadataLoad metadata = new MetadataLoad(api);
            MetadataLoad.Latency overview = metadata.load(metadata.overview(sample), 16, loadSeconds);
            MetadataLoad.Latency initialize = metadata.load(metadata.initialize(), 16, loadSeconds);
            figures.put("slow_clients_uploads_open_at_once", (double) peakOpen.get());
            figures.put("overview_16_p99_ms_with_slow_clients", overview.p99Ms());
            figures.put("initialize_16_p99_ms_with_slow_clients", initialize.p99Ms());
            for (Future<?> upload : uploads) {
                upload.get();
            }
        }
        figures.put("slow_clients_uploads", (double) requests.size());
        figures.put("slow_clients_uploads_failed", (double) failed.get());
        return figures;
    }

    /** For each client a streamed upload and a TUS upload of {@code length} bytes: each one's request head. */
    private List<String[]> prepare(int clients, long length) throws Exception {
        List<String[]> requests = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<String[][]>> made = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                made.add(pool.submit(() -> {
                    String streamed = api.initialize();
                    String tus = api.initialize();
                    HttpResponse<String> created = api.expect(201, api.request(TUS + tus, api.senderToken)
                            .header("Tus-Resumable", "1.0.0").header("Upload-Length", Long.toString(length))
                            .POST(HttpRequest.BodyPublishers.noBody()).build());
                    String location = URI.create(api.baseUrl).resolve(created.headers().firstValue("Location").orElseThrow())
                            .getPath();
                    return new String[][]{
                            {head("POST", "/broker/api/v1/filetransfer/" + streamed + "/upload", length,
                                    "Content-Type: application/octet-stream")},
                            {head("PATCH", location, length, "Content-Type: application/offset+octet-stream",
                                    "Tus-Resumable: 1.0.0", "Upload-Offset: 0")}};
                }));
            }
            for (Future<String[][]> pair : made) {
                for (String[] request : pair.get()) {
                    requests.add(request);
                }
            }
        }
        return requests;
    }

    private String head(String method, String path, long length, String... headers) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + api.senderToken + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** Sends the request head, then one KiB a second; a failure is any answer but 2xx, or none. */
    private void trickle(String head, int kibibytes, AtomicInteger open, AtomicInteger peakOpen, AtomicInteger failed) {
        URI base = URI.create(api.baseUrl);
        boolean opened = false;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            opened = true;
            peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            byte[] kib = new byte[KIB];
            for (int i = 0; i < kibibytes; i++) {
                out.write(kib);
                out.flush();
                if (i < kibibytes - 1) {
                    Thread.sleep(1_000);
                }
            }
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            if (!status.matches("HTTP/1\\.1 2\\d\\d")) {
                failed.incrementAndGet();
                System.err.println("A slow " + head.substring(0, head.indexOf(' ')) + " was answered: " + status + " "
                        + new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", " "));
            }
        } catch (Exception e) {
            failed.incrementAndGet();
            System.err.println("A slow " + head.substring(0, head.indexOf(' ')) + " failed: " + e);
        } finally {
            if (opened) {
                open.decrementAndGet();
            }
        }
    }
}
