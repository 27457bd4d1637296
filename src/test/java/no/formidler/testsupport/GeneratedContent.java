package no.formidler.testsupport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A file of any size generated while it is read (never held in memory): pseudo-random bytes from a seed, optionally
 * with {@code insert} at {@code insertAt}. The same seed gives the same bytes, so a test can hash what it sent.
 */
public final class GeneratedContent extends InputStream {
    private final long size;
    private final byte[] insert;
    private final long insertAt;
    private final SplittableRandom random;
    private long position;

    private GeneratedContent(long size, long seed, byte[] insert, long insertAt) {
        this.size = size;
        this.insert = insert;
        this.insertAt = insertAt;
        this.random = new SplittableRandom(seed);
    }

    public static GeneratedContent random(long size, long seed) {
        return new GeneratedContent(size, seed, new byte[0], -1);
    }

    /** {@code size} random bytes with the EICAR test string at {@code offset}. */
    public static GeneratedContent withEicarAt(long size, long offset, long seed) {
        return new GeneratedContent(size, seed, ClamdProcess.EICAR.getBytes(StandardCharsets.US_ASCII), offset);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            long p = position + i;
            buffer[offset + i] = p >= insertAt && p < insertAt + insert.length
                    ? insert[(int) (p - insertAt)] : (byte) random.nextInt(256);
        }
        position += n;
        return n;
    }
}
