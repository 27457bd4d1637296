package no.formidler.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One stage of an upload's work done on another core: the reading thread fills a few reusable buffers and hands each
 * over, and the stage works on them there in the order they were read. A slow stage holds the reader back (it waits
 * for a free buffer) instead of growing the heap. Buffers are made when needed and let go by {@link #park}, so a relay
 * kept between a TUS upload's requests (up to thousands per node) holds none. A stage that fails works on nothing
 * more; its failure is thrown to the reader at its next hand-over or at {@link #drain}.
 */
public final class BufferRelay {
    private static final int BUFFERS = 4;
    private final Executor workers;
    private final int bufferSize;
    private final Stage stage;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    /** Buffers made so far (in {@link #free} or on their way back): touched only by the reading thread. */
    private int made;
    private volatile IOException failure;

    /** What is done with each buffer's bytes, on a worker. */
    public interface Stage {
        void accept(byte[] bytes, int length) throws IOException;
    }

    public BufferRelay(Executor workers, int bufferSize, Stage stage) {
        this.workers = workers;
        this.bufferSize = bufferSize;
        this.stage = stage;
    }

    /**
     * Reads {@code in} to its end, each buffer filled before it is handed over (a request body arrives in pieces of a
     * socket read, and a hand-over per piece would cost more than it saves), and returns the bytes read. Whatever
     * happens, returns only when the stage has let go of every buffer.
     */
    public long relayFrom(InputStream in) throws IOException {
        long count = 0;
        try {
            while (true) {
                byte[] buffer = buffer();
                int n = in.readNBytes(buffer, 0, buffer.length);
                if (n == 0) {
                    free.add(buffer);
                    drain();
                    return count;
                }
                handOver(buffer, n);
                count += n;
            }
        } finally {
            park();
        }
    }

    /** Hands a copy of these bytes over; returns once they are copied (waiting while every buffer is in use). */
    public void relay(byte[] bytes, int offset, int length) throws IOException {
        for (int done = 0; done < length; ) {
            int n = Math.min(bufferSize, length - done);
            byte[] copy = buffer();
            System.arraycopy(bytes, offset + done, copy, 0, n);
            handOver(copy, n);
            done += n;
        }
    }

    /** Waits for the stage to finish with every buffer handed over; throws its failure, if it failed. */
    public void drain() throws IOException {
        tail.join();
        throwFailure();
    }

    /** Waits for the stage to finish with every buffer, whatever the outcome, and lets go of the buffers. */
    public void park() {
        tail.join();
        free.clear();
        made = 0;
    }

    int buffersHeld() {
        return made;
    }

    private void handOver(byte[] buffer, int length) throws IOException {
        tail = tail.thenRunAsync(() -> {
            try {
                if (failure == null) {
                    stage.accept(buffer, length);
                }
            } catch (IOException e) {
                failure = e;
            } catch (Throwable e) { // whatever it is, the buffer comes back and the reader hears of it: never a hang
                failure = new IOException(e);
            } finally {
                free.add(buffer);
            }
        }, workers);
        throwFailure();
    }

    private void throwFailure() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    private byte[] buffer() throws InterruptedIOException {
        byte[] buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        if (made < BUFFERS) {
            made++;
            return new byte[bufferSize];
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for an upload's buffer");
        }
    }
}
