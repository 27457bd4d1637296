package no.formidler.storage.filesystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Reads a file from its start in large block-aligned steps through the direct channel when there is one (an upload of
 * a joined blob read for its digests: it fills no page-cache pages), through the ordinary channel otherwise, one step
 * ahead of its reader: the digests take in a step while the disk reads the next, instead of waiting for each in turn.
 */
final class DirectReadStream extends InputStream {
    /** Direct reads of 4 MiB took 881 MB/s on a disk that gave 1 MiB reads 669 (docs/benchmarks.md). */
    private static final int STEP = 4 << 20;
    private final FileChannel buffered;
    private final Optional<FileChannel> direct;
    private final int alignment;
    private final Executor readAhead;
    private ByteBuffer current;
    private ByteBuffer spare;
    private CompletableFuture<ByteBuffer> next;
    /** Where the next step starts; written by the step in flight only. */
    private long filePosition;

    /** The two step buffers, which one reader after another may use: each reader's close waits for its last step. */
    record Buffers(ByteBuffer first, ByteBuffer second) {
        /** Buffers aligned for direct reads ({@code alignment} > 0), or plain ones. */
        static Buffers of(int alignment) {
            return new Buffers(buffer(alignment), buffer(alignment));
        }

        private static ByteBuffer buffer(int alignment) {
            return alignment > 0 ? DirectIo.aligned(STEP, alignment) : ByteBuffer.allocate(STEP);
        }
    }

    DirectReadStream(FileChannel buffered, Optional<FileChannel> direct, int alignment, Executor readAhead) {
        this(buffered, direct, alignment, readAhead, Buffers.of(direct.isPresent() ? alignment : 0));
    }

    DirectReadStream(FileChannel buffered, Optional<FileChannel> direct, int alignment, Executor readAhead,
                     Buffers buffers) {
        this.buffered = buffered;
        this.direct = direct;
        this.alignment = direct.isPresent() ? alignment : 0;
        this.readAhead = readAhead;
        this.current = buffers.first().clear().limit(0);
        this.spare = buffers.second();
        this.next = step(spare);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!current.hasRemaining() && !advance()) {
            return -1;
        }
        int n = Math.min(length, current.remaining());
        current.get(bytes, offset, n);
        return n;
    }

    /** Waits for the step in flight, and starts the next into the buffer just read; false at the file's end. */
    private boolean advance() throws IOException {
        if (next == null) {
            return false;
        }
        ByteBuffer filled = await(next);
        spare = current;
        current = filled;
        next = filled.hasRemaining() ? step(spare) : null;
        return filled.hasRemaining();
    }

    private CompletableFuture<ByteBuffer> step(ByteBuffer into) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                // A short read (the end of the file) leaves the position unaligned; the rest goes the ordinary way.
                FileChannel channel = alignment > 0 && filePosition % alignment == 0 ? direct.orElseThrow() : buffered;
                into.clear();
                int n = channel.read(into, filePosition);
                filePosition += Math.max(n, 0);
                return into.flip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, readAhead);
    }

    private static ByteBuffer await(CompletableFuture<ByteBuffer> step) throws IOException {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException(e.getCause());
        }
    }

    /** Waits for the step in flight, so that the caller may close the channels. */
    @Override
    public void close() {
        if (next != null) {
            next.exceptionally(failed -> null).join();
            next = null;
        }
    }
}
