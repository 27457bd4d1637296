package no.formidler.upload;

import java.io.IOException;
import java.io.InputStream;
import no.formidler.storage.FileDigests;
import no.formidler.storage.ObservedInputStream;

/**
 * Counts the bytes that pass and computes their {@link FileDigests} on the way, so that the file is read once. Refuses to pass more than {@code limit} bytes.
 */
final class DigestingInputStream extends ObservedInputStream {
    private final FileDigests digests = new FileDigests();
    private FileDigests.Hex hex;
    private final long limit;
    private long count;

    DigestingInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    protected void observe(byte[] buffer, int offset, int length) throws IOException {
        count += length;
        if (count > limit) {
            throw new SizeLimitExceededException(limit);
        }
        digests.update(buffer, offset, length);
    }

    /**
     * Fills the reader's buffer (or reaches the body's end) before passing it on: the body arrives in socket-sized
     * pieces, and the digests then take one hand-over per large slice instead of one per piece.
     */
    @Override
    protected int fill(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = in.readNBytes(buffer, offset, length);
        return n == 0 ? -1 : n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    String md5Hex() {
        return digests().md5();
    }

    String sha256Hex() {
        return digests().sha256();
    }

    /** Both digests, finished at the first call: call after the last byte. */
    private FileDigests.Hex digests() {
        if (hex == null) {
            hex = digests.finish();
        }
        return hex;
    }

    /** The stream carried more bytes than the transfer may have. */
    static final class SizeLimitExceededException extends IOException {
        SizeLimitExceededException(long limit) {
            super("More than " + limit + " bytes");
        }
    }
}
