package no.formidler.upload;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import no.formidler.storage.ObservedInputStream;

/**
 * Counts the bytes that pass and computes their MD5 (the reference's checksum) and SHA-256 on the way, so that the
 * file is read once. Refuses to pass more than {@code limit} bytes.
 */
final class DigestingInputStream extends ObservedInputStream {
    private final MessageDigest md5;
    private final MessageDigest sha256;
    private final long limit;
    private long count;

    DigestingInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void observe(byte[] buffer, int offset, int length) throws SizeLimitExceededException {
        count += length;
        if (count > limit) {
            throw new SizeLimitExceededException(limit);
        }
        md5.update(buffer, offset, length);
        sha256.update(buffer, offset, length);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    String md5Hex() {
        return HexFormat.of().formatHex(md5.digest());
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
