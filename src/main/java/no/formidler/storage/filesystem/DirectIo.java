package no.formidler.storage.filesystem;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes that bypass the page cache ({@code O_DIRECT}), for a TUS upload sent in parallel parts: each part
 * is read once, by the join, and the join writes the same bytes a second time. Filling new page-cache pages was most of
 * that upload's CPU (the kernel's copy into fresh pages, and on a VM the first touch of each page), and a part's pages
 * were thrown away at the join. Positions and lengths must be multiples of the filesystem's block size; what is not (a
 * part's unaligned start and its tail) goes through the page cache. A filesystem without {@code O_DIRECT} (tmpfs) gets
 * ordinary I/O.
 */
final class DirectIo {
    private static final Logger log = LoggerFactory.getLogger(DirectIo.class);
    private final int alignment;

    private DirectIo(int alignment) {
        this.alignment = alignment;
    }

    /** Whether files in {@code directory} can be opened for direct I/O, tried once with a block-sized write. */
    static DirectIo probe(Path directory) {
        Path probe = directory.resolve(".direct-" + UUID.randomUUID());
        try {
            int block = Math.toIntExact(Files.getFileStore(directory).getBlockSize());
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    ExtendedOpenOption.DIRECT)) {
                channel.write(aligned(block, block), 0);
            }
            return new DirectIo(block);
        } catch (IOException | UnsupportedOperationException | ArithmeticException e) {
            log.info("Direct I/O is not available in {} ({}); TUS parts go through the page cache", directory, e.toString());
            return new DirectIo(0);
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // a leftover probe file is harmless
            }
        }
    }

    /**
     * A direct buffer of {@code size} bytes at an address aligned to {@code alignment}: the only kind a direct channel
     * may be given. (Given a heap buffer, the JDK puts an aligned slice in its per-thread buffer cache, which later
     * fails ordinary I/O on that thread.)
     */
    static ByteBuffer aligned(int size, int alignment) {
        return ByteBuffer.allocateDirect(size + alignment).alignedSlice(alignment).limit(size);
    }

    /** The block size positions and lengths of direct I/O must be multiples of; 0 when there is no direct I/O. */
    int alignment() {
        return alignment;
    }

    /** A second channel on {@code file} for direct I/O if {@code wanted}; holding none when not, or not available. */
    DirectChannel open(Path file, OpenOption mode, boolean wanted) throws IOException {
        if (alignment == 0 || !wanted) {
            return new DirectChannel(Optional.empty());
        }
        return new DirectChannel(Optional.of(FileChannel.open(file, mode, ExtendedOpenOption.DIRECT)));
    }

    /** A file's direct channel, if it has one. */
    record DirectChannel(Optional<FileChannel> channel) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (channel.isPresent()) {
                channel.get().close();
            }
        }
    }
}
