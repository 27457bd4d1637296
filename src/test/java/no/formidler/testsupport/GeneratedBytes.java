package no.formidler.testsupport;

import java.util.Random;

/** Reproducible test content: the same seed and length always give the same bytes. */
public final class GeneratedBytes {
    private GeneratedBytes() {
    }

    public static byte[] of(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
