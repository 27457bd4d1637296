import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/** Benchmark payloads: a random file on disk, or a generated stream of any length. */
final class Content {
    private static final byte[] BLOCK = new byte[1 << 20];

    static {
        new Random(7).nextBytes(BLOCK);
    }

    private Content() {
    }

    static Path randomFile(Path file, long size) throws IOException {
        Random random = new Random(11);
        byte[] buffer = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(buffer.length, size - written));
            }
        }
        return file;
    }

    /** {@code size} bytes generated on the fly (a random 1 MiB block repeated). */
    static InputStream generated(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? BLOCK[(int) (position++ % BLOCK.length)] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int inBlock = (int) (position % BLOCK.length);
                int n = (int) Math.min(Math.min(len, size - position), BLOCK.length - inBlock);
                System.arraycopy(BLOCK, inBlock, b, off, n);
                position += n;
                return n;
            }
        };
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
