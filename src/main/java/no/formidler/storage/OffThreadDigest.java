package no.formidler.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A digest computed on another core while the request thread goes on reading and storing: an upload hashes every
 * byte twice (MD5 and SHA-256), and on the request thread alone the hashing, not the disk, bounds its speed. Bytes
 * are copied into a few reusable buffers, so a slow digest holds the reader back instead of growing the heap; each
 * digest's pieces are applied in the order they were read.
 */
final class OffThreadDigest {
    private static final int BUFFERS = 4;
    private static final int BUFFER_SIZE = 256 * 1024;
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "upload-digest");
                thread.setDaemon(true);
                return thread;
            });

    private final MessageDigest digest;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    OffThreadDigest(String algorithm) {
        try {
            this.digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[BUFFER_SIZE]);
        }
    }

    /** Hands these bytes to the digest; returns once they are copied (waiting while all buffers are in use). */
    void update(byte[] bytes, int offset, int length) throws InterruptedException {
        for (int done = 0; done < length; ) {
            int n = Math.min(BUFFER_SIZE, length - done);
            byte[] copy = free.take();
            System.arraycopy(bytes, offset + done, copy, 0, n);
            tail = tail.thenRunAsync(() -> {
                digest.update(copy, 0, n);
                free.add(copy);
            }, WORKERS);
            done += n;
        }
    }

    /** Waits for every byte handed over so far, then finishes the digest. */
    String hex() {
        tail.join();
        return HexFormat.of().formatHex(digest.digest());
    }
}
