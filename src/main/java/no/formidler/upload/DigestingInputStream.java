package no.formidler.upload;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import no.formidler.storage.ObservedInputStream;

/**
 * Counts the bytes that pass and computes their MD5 (the reference's checksum) and SHA-256 on the way, so that the
 * file is read once; the MD5, the slower of the two, on another core. Refuses to pass more than {@code limit} bytes.
 */
final class DigestingInputStream extends ObservedInputStream {
    private final OffThreadDigest md5 = new OffThreadDigest("MD5");
    private final MessageDigest sha256;
    private final long limit;
    private long count;

    DigestingInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void observe(byte[] buffer, int offset, int length) throws IOException {
        count += length;
        if (count > limit) {
            throw new SizeLimitExceededException(limit);
        }
        try {
            md5.update(buffer, offset, length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while hashing the upload");
        }
        sha256.update(buffer, offset, length);
    }

    /**
     * Fills the reader's buffer (or reaches the body's end) before passing it on: the body arrives in socket-sized
     * pieces, and the digests then take one hand-over per large slice instead of one per piece.
     */
    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = in.readNBytes(buffer, offset, length);
        if (n == 0) {
            return -1;
        }
        observe(buffer, offset, n);
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    String md5Hex() {
        return md5.hex();
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The stream carried more bytes than the transfer may have. */
    static final class SizeLimitExceededException extends IOException {
        SizeLimitExceededException(long limit) {
            super("More than " + limit + " bytes");
        }
    }
}
