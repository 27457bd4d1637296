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
 * digest's pieces are applied in the order they were read. The buffers are made when needed and let go by
 * {@link #park}, so digests kept between a TUS upload's requests (up to thousands per node) hold none.
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
    /** Buffers made so far (in {@link #free} or on their way back): touched only by the thread that updates. */
    private int made;

    OffThreadDigest(String algorithm) {
        try {
            this.digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands these bytes to the digest; returns once they are copied (waiting while all buffers are in use). */
    void update(byte[] bytes, int offset, int length) throws InterruptedException {
        for (int done = 0; done < length; ) {
            int n = Math.min(BUFFER_SIZE, length - done);
            byte[] copy = buffer();
            System.arraycopy(bytes, offset + done, copy, 0, n);
            tail = tail.thenRunAsync(() -> {
                digest.update(copy, 0, n);
                free.add(copy);
            }, WORKERS);
            done += n;
        }
    }

    private byte[] buffer() throws InterruptedException {
        byte[] buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        if (made < BUFFERS) {
            made++;
            return new byte[BUFFER_SIZE];
        }
        return free.take();
    }

    /** Waits for every byte handed over so far and lets go of the buffers; a later update makes new ones. */
    void park() {
        tail.join();
        free.clear();
        made = 0;
    }

    int buffersHeld() {
        return made;
    }

    /** Waits for every byte handed over so far, then finishes the digest. */
    String hex() {
        tail.join();
        return HexFormat.of().formatHex(digest.digest());
    }
}
