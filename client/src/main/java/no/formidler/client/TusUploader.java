package no.formidler.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file sent by TUS 1.0.0 as {@code parallelParts} partial uploads sent at once, then joined by a final
 * concatenation in their order. The parts' URLs go to the state file before the first byte, and each part's offset
 * is asked of the broker (HEAD) when resuming, so the state file stays small and never claims more than is stored.
 */
final class TusUploader {
    static final String BASE = "/broker/api/v1/filetransfer/upload/tus/";
    private static final int CHUNK_ATTEMPTS = 5;
    private final BrokerHttp http;
    private final UploadOptions options;
    private final Duration chunkTimeout;

    TusUploader(BrokerHttp http, UploadOptions options, Duration chunkTimeout) {
        this.http = http;
        this.options = options;
        this.chunkTimeout = chunkTimeout;
    }

    /** What a crashed upload needs to continue: which transfer, which file, and the parts' URLs in order. */
    record State(UUID fileTransferId, long size, long lastModified, long partSize, List<String> parts) {
    }

    void upload(UUID transferId, Path file) throws IOException {
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        State state = StateFiles.read(options.stateFile(), State.class)
                .filter(s -> s.fileTransferId().equals(transferId) && s.size() == size && s.lastModified() == modified)
                .orElse(null);
        if (state == null) {
            state = create(transferId, size, modified);
        }
        List<long[]> ranges = ranges(state);
        long[] offsets = new long[ranges.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = offset(state.parts().get(i));
        }
        AtomicLong done = new AtomicLong(java.util.Arrays.stream(offsets).sum());
        options.progress().progress(done.get(), size);
        ExecutorService pool = Executors.newFixedThreadPool(ranges.size());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                String url = state.parts().get(i);
                long[] range = ranges.get(i);
                long from = offsets[i];
                parts.add(pool.submit(() -> {
                    sendPart(channel, url, range[0], range[1], from, done, size);
                    return null;
                }));
            }
            await(parts);
        } finally {
            pool.shutdownNow();
        }
        concatenate(transferId, state.parts());
        StateFiles.delete(options.stateFile());
    }

    private State create(UUID transferId, long size, long modified) {
        int count = (int) Math.max(1, Math.min(options.parallelParts(), (size + options.chunkSize() - 1) / options.chunkSize()));
        long partSize = (size + count - 1) / count;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long length = Math.max(0, Math.min(partSize, size - i * partSize));
            HttpResponse<InputStream> created = http.send(() -> http.request(BASE + transferId)
                    .header("Tus-Resumable", "1.0.0").header("Upload-Concat", "partial")
                    .header("Upload-Length", String.valueOf(length))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), BrokerHttp.Safety.ONCE);
            BrokerHttp.close(created);
            urls.add(created.headers().firstValue("Location")
                    .orElseThrow(() -> new BrokerProblemException(created.statusCode(), null, "TUS creation without Location", null, null)));
        }
        State state = new State(transferId, size, modified, partSize, List.copyOf(urls));
        if (options.stateFile() != null) {
            StateFiles.write(options.stateFile(), state);
        }
        return state;
    }

    private static List<long[]> ranges(State state) {
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < state.parts().size(); i++) {
            long start = i * state.partSize();
            ranges.add(new long[] {start, Math.max(0, Math.min(state.partSize(), state.size() - start))});
        }
        return ranges;
    }

    /** Sends one part chunk by chunk from the offset the broker holds; a broken chunk is sent again from there. */
    private void sendPart(FileChannel file, String url, long start, long length, long from, AtomicLong done, long total)
            throws IOException {
        long offset = from;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(options.chunkSize(), Math.max(1, length)));
        int failures = 0;
        while (offset < length) {
            int n = (int) Math.min(buffer.capacity(), length - offset);
            buffer.clear().limit(n);
            while (buffer.hasRemaining()) {
                if (file.read(buffer, start + offset + buffer.position()) < 0) {
                    throw new IOException("The file became shorter while it was sent");
                }
            }
            try {
                long next = patch(url, offset, buffer.array(), n);
                options.progress().progress(done.addAndGet(next - offset), total);
                offset = next;
                failures = 0;
            } catch (BrokerUnreachableException | BrokerProblemException e) {
                if (!retriable(e) || ++failures >= CHUNK_ATTEMPTS) {
                    throw e;
                }
                long stored = offset(url); // the broker says how much of the broken chunk it kept
                options.progress().progress(done.addAndGet(stored - offset), total);
                offset = stored;
            }
        }
    }

    private static boolean retriable(RuntimeException e) {
        return e instanceof BrokerUnreachableException
                || (e instanceof BrokerProblemException p && (p.status() >= 500 || p.status() == 409));
    }

    private long patch(String url, long offset, byte[] chunk, int length) {
        String checksum = "sha256 " + Base64.getEncoder().encodeToString(sha256(chunk, length));
        HttpResponse<InputStream> response = http.send(() -> http.request(url, chunkTimeout)
                .header("Tus-Resumable", "1.0.0").header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", String.valueOf(offset)).header("Upload-Checksum", checksum)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk, 0, length)).build(), BrokerHttp.Safety.ONCE);
        BrokerHttp.close(response);
        return Long.parseLong(response.headers().firstValue("Upload-Offset").orElseThrow());
    }

    private long offset(String url) {
        HttpResponse<InputStream> head = http.send(() -> http.request(url).header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), BrokerHttp.Safety.SAFE);
        BrokerHttp.close(head);
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    private void concatenate(UUID transferId, List<String> parts) {
        http.discard(() -> http.request(BASE + transferId).header("Tus-Resumable", "1.0.0")
                .header("Upload-Concat", "final;" + String.join(" ", parts))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), BrokerHttp.Safety.ONCE);
    }

    private static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(List<Future<?>> parts) throws IOException {
        try {
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnreachableException("Interrupted", new IOException(e));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }
}
