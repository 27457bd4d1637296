package no.formidler.storage.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;
import no.formidler.storage.BufferRelay;

/**
 * Writes buffers at consecutive positions of a file: their block-aligned middle through the direct channel when there
 * is one, the rest (an unaligned start, a tail shorter than a block) through the ordinary one. The two never write the
 * same block at once: a buffer's bytes are written in order, each block by one of them.
 */
final class AlignedWriter implements BufferRelay.Stage {
    private static final int BLOCK_BYTES = 256 * 1024;
    /** Each writer thread's aligned buffer that the direct writes go through; a few threads, so a few of these. */
    private static final ThreadLocal<ByteBuffer> BLOCKS = new ThreadLocal<>();
    private final FileChannel buffered;
    private final Optional<FileChannel> direct;
    private final int alignment;
    private final EarlyWriteback writeback;
    private long position;

    AlignedWriter(FileChannel buffered, Optional<FileChannel> direct, int alignment, long position, EarlyWriteback writeback) {
        this.buffered = buffered;
        this.direct = direct;
        this.alignment = direct.isPresent() ? alignment : 0;
        this.position = position;
        this.writeback = writeback;
    }

    @Override
    public void accept(byte[] bytes, int length) throws IOException {
        int head = 0;
        int middle = 0;
        if (alignment > 0) {
            head = (int) Math.min(length, (alignment - position % alignment) % alignment);
            middle = (length - head) / alignment * alignment;
        }
        write(buffered, ByteBuffer.wrap(bytes, 0, head));
        for (int done = 0; done < middle; ) {
            ByteBuffer block = block();
            int n = Math.min(block.capacity(), middle - done);
            block.clear().put(bytes, head + done, n).flip();
            write(direct.orElseThrow(), block);
            done += n;
        }
        write(buffered, ByteBuffer.wrap(bytes, head + middle, length - head - middle));
        // Only the page cache holds bytes back: what went direct is on its way to the disk already.
        writeback.written(length - middle);
    }

    private void write(FileChannel channel, ByteBuffer chunk) throws IOException {
        while (chunk.hasRemaining()) {
            position += channel.write(chunk, position);
        }
    }

    private ByteBuffer block() {
        ByteBuffer block = BLOCKS.get();
        // Made for another store's block size (tests run several): its address and size must both fit this one.
        if (block == null || block.alignmentOffset(0, alignment) != 0 || block.capacity() % alignment != 0) {
            block = DirectIo.aligned(Math.max(BLOCK_BYTES / alignment, 1) * alignment, alignment);
            BLOCKS.set(block);
        }
        return block;
    }
}
