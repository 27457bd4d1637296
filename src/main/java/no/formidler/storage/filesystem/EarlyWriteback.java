package no.formidler.storage.filesystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends a file's bytes to the disk while more are still being written, so that the force before the answer waits for
 * the last few MiB only. The page cache otherwise holds a whole upload dirty until that force (the kernel starts
 * writing back only at 10 % of memory or after 30 s): a 1 GiB upload then waited 2.5 s at its end, on the disk alone.
 * At most one flush is in flight per file, on a thread of its own; a flush that failed (the disk full when the
 * kernel allocated the blocks) fails the write at its next step.
 */
final class EarlyWriteback implements AutoCloseable {
    /** Bytes written between two flushes of a whole file: 64 flushes per GiB, and at most about twice this dirty at the end. */
    static final long EVERY = 16L << 20;
    /**
     * Bytes written between two flushes of one part of a resumable upload: a part is a few MiB (a TUS client's chunk),
     * each answered only after its own force, so at {@link #EVERY} that force would still wait for the whole part.
     */
    static final long EVERY_IN_A_PART = 2L << 20;
    /** One thread per upload whose flush is in flight at most; idle ones end after a minute. */
    private static final ExecutorService FLUSHERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "store-writeback");
        thread.setDaemon(true);
        return thread;
    });
    private final Flush flush;
    private final long every;
    private long unflushed;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    /** Makes the bytes written so far durable, as {@code FileChannel.force(false)}. */
    interface Flush {
        void run() throws IOException;
    }

    EarlyWriteback(Flush flush) {
        this(flush, EVERY);
    }

    EarlyWriteback(Flush flush, long every) {
        this.flush = flush;
        this.every = every;
    }

    /** Counts {@code bytes} more written; starts a flush when enough are and none is in flight. */
    void written(long bytes) throws IOException {
        unflushed += bytes;
        if (unflushed >= every && inFlight.isDone()) {
            finish();
            unflushed = 0;
            inFlight = CompletableFuture.runAsync(() -> {
                try {
                    flush.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, FLUSHERS);
        }
    }

    /** Waits for the flush in flight; its failure is the write's. */
    void finish() throws IOException {
        try {
            inFlight.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    /** Waits for the flush in flight, whatever its outcome, so that the file is not closed under it. */
    @Override
    public void close() {
        try {
            inFlight.join();
        } catch (CompletionException ignored) {
            // The write failed already, or finish() has reported it.
        }
    }
}
