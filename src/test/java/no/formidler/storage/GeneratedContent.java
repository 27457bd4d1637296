package no.formidler.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Pseudo-random bytes of a given length made on the fly from a seed, so tests can stream gigabytes without holding
 * them; the same seed and length always give the same bytes. Optionally fails with an IOException after some bytes,
 * like a client that goes away, and calls a hook at fixed intervals (to sample memory).
 */
final class GeneratedContent extends InputStream {
    private final long length;
    private final long failAt;
    private final long hookEvery;
    private final Runnable hook;
    private long position;
    private long state;
    private long word;
    private int wordBytesLeft;

    private GeneratedContent(long seed, long length, long failAt, long hookEvery, Runnable hook) {
        this.length = length;
        this.failAt = failAt;
        this.hookEvery = hookEvery;
        this.hook = hook;
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    static GeneratedContent of(long seed, long length) {
        return new GeneratedContent(seed, length, Long.MAX_VALUE, Long.MAX_VALUE, () -> { });
    }

    /** Breaks off with an IOException once {@code failAt} bytes have been read. */
    static GeneratedContent failingAt(long seed, long length, long failAt) {
        return new GeneratedContent(seed, length, failAt, Long.MAX_VALUE, () -> { });
    }

    static GeneratedContent sampled(long seed, long length, long every, Runnable hook) {
        return new GeneratedContent(seed, length, Long.MAX_VALUE, every, hook);
    }

    static byte[] bytes(long seed, int length) {
        try (GeneratedContent content = of(seed, length)) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(long seed, long length) throws IOException {
        return sha256(of(seed, length));
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[256 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (position >= failAt) {
            throw new IOException("The client went away after " + position + " bytes");
        }
        if (position >= length) {
            return -1;
        }
        long limit = Math.min(length, failAt);
        if (hookEvery != Long.MAX_VALUE) {
            limit = Math.min(limit, (position / hookEvery + 1) * hookEvery);
        }
        int n = (int) Math.min(count, limit - position);
        for (int i = 0; i < n; i++) {
            if (wordBytesLeft == 0) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                word = state;
                wordBytesLeft = 8;
            }
            buffer[offset + i] = (byte) word;
            word >>>= 8;
            wordBytesLeft--;
        }
        position += n;
        if (hookEvery != Long.MAX_VALUE && position % hookEvery == 0) {
            hook.run();
        }
        return n;
    }
}
