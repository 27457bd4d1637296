import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs the request paths of the throughput figures unmeasured before they are measured, so that those figures are a
 * running broker's, not its JIT compiler's: a fresh JVM runs a request's code interpreted for its first few hundred
 * calls, and a TUS chunk, a ranged GET, pays that per request (measured: a 1-byte PATCH took 13.6 ms in a new broker
 * and 6.3 ms after 2,000 of them). nginx gets the same ranged GETs. Nothing here is timed.
 */
final class WarmUp {
    private static final int CHUNK = 4096;
    /** Requests per curl: each carries the token on its command line, which has a limit. */
    private static final int BATCH = 250;
    private final Api api;
    private final Nginx nginx;

    WarmUp(Api api, Nginx nginx) {
        this.api = api;
        this.nginx = nginx;
    }

    /** {@code requests} small TUS PATCHes and as many ranged GETs of the broker (and of nginx), and a few whole transfers. */
    void run(Path directory, int requests) throws Exception {
        Path small = Content.randomFile(Files.createTempFile(directory, "warm-up-", ".bin"), 16L << 20);
        try {
            List<String> ids = List.of(api.initialize(), api.initialize(), api.initialize());
            for (String upload : ids) {
                require2xx(Curl.upload("POST", api.baseUrl + "/broker/api/v1/filetransfer/" + upload + "/upload",
                        api.senderToken, "application/octet-stream", small));
                Curl.download(api.baseUrl + "/broker/api/v1/filetransfer/" + upload + "/download", api.recipientToken, null);
            }
            String nginxFile = nginx.url("warm-up.bin");
            require2xx(Curl.upload("PUT", nginxFile, null, "application/octet-stream", small));
            for (int done = 0; done < requests; done += BATCH) {
                int batch = Math.min(BATCH, requests - done);
                List<String> ranges = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    long first = (long) i * CHUNK;
                    ranges.add("bytes=" + first + "-" + (first + CHUNK - 1));
                }
                Curl.fetches(api.baseUrl + "/broker/api/v1/filetransfer/" + ids.get(0) + "/download", api.recipientToken, ranges);
                Curl.fetches(nginxFile, null, ranges);
                tusPatches(directory, batch);
            }
        } finally {
            Files.deleteIfExists(small);
        }
    }

    private static void require2xx(int status) {
        if (status / 100 != 2) {
            throw new IllegalStateException("A warm-up upload answered " + status);
        }
    }

    /** One TUS upload of {@code count} chunks of 4 KiB, each its own PATCH. */
    private void tusPatches(Path directory, int count) throws Exception {
        Path chunk = Content.randomFile(Files.createTempFile(directory, "warm-up-chunk-", ".bin"), CHUNK);
        try {
            String location = api.createTusUpload(api.initialize(), (long) count * CHUNK, null);
            List<Long> offsets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                offsets.add((long) i * CHUNK);
            }
            Curl.tusPatches(api.baseUrl + location, api.senderToken, Collections.nCopies(count, chunk), offsets);
        } finally {
            Files.deleteIfExists(chunk);
        }
    }
}
