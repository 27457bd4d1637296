package no.formidler.storage.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct I/O on the filesystem the tests run on (ext4 here and in CI; skipped where there is none, such as tmpfs).
 * A direct channel refuses any position or length that is not block-aligned, so these fail if a byte goes the wrong way.
 */
class DirectIoTest {
    @TempDir
    Path directory;
    private DirectIo direct;

    @BeforeEach
    void probe() {
        direct = DirectIo.probe(directory);
        assumeTrue(direct.alignment() > 0, "no direct I/O on " + directory);
    }

    @Test
    void buffersAtAnyPositionAreWrittenWithTheirAlignedMiddleDirect() throws IOException {
        int block = direct.alignment();
        byte[] expected = new byte[5 * 256 * 1024 + 3 * block + 11];
        new Random(7).nextBytes(expected);
        // Slices that start inside a block, end inside one, are shorter than a block, or span many.
        int[] slices = {block - 1, 1, 3 * block, 256 * 1024, 17, 256 * 1024 + block + 5, 4 * 256 * 1024};
        Path file = directory.resolve("joined");
        long start = 100;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             DirectIo.DirectChannel directChannel = direct.open(file, StandardOpenOption.WRITE, true);
             EarlyWriteback writeback = new EarlyWriteback(() -> channel.force(false))) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[(int) start]), 0);
            AlignedWriter writer = new AlignedWriter(channel, directChannel.channel(), block, start, writeback);
            int offset = 0;
            for (int i = 0; offset < expected.length; i++) {
                int n = Math.min(slices[i % slices.length], expected.length - offset);
                writer.accept(Arrays.copyOfRange(expected, offset, offset + n), n);
                offset += n;
            }
            channel.force(false);
        }
        byte[] written = Files.readAllBytes(file);
        assertThat(written.length).isEqualTo(start + expected.length);
        assertThat(Arrays.copyOfRange(written, (int) start, written.length)).isEqualTo(expected);
    }

    @Test
    void aFileOfAnyLengthIsReadWholeInDirectSteps() throws IOException {
        byte[] expected = new byte[3 * (1 << 20) + direct.alignment() + 5];
        new Random(11).nextBytes(expected);
        Path file = Files.write(directory.resolve("part"), expected);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             DirectIo.DirectChannel directChannel = direct.open(file, StandardOpenOption.READ, true);
             InputStream in = new DirectReadStream(channel, directChannel.channel(), direct.alignment(), Runnable::run)) {
            assertThat(directChannel.channel()).isPresent();
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
    }
}
