package no.formidler.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts the bytes that pass and computes their MD5 (the reference's checksum) and SHA-256 on the way, so that the
 * file is read once. Refuses to pass more than {@code limit} bytes.
 */
final class DigestingInputStream extends FilterInputStream {
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
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new SizeLimitExceededException(limit);
            }
            md5.update(buffer, offset, n);
            sha256.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0; // every byte must be digested
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
