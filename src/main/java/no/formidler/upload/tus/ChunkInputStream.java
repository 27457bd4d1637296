package no.formidler.upload.tus;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import no.formidler.storage.FileDigests;
import no.formidler.storage.ObservedInputStream;
import no.formidler.upload.WatchedInputStream;

/**
 * A PATCH body on its way to the store: refuses bytes beyond the upload's length, stops when the PATCH's lease may
 * have run out, feeds the whole-file digests (when this node holds them) and the chunk's own checksum. When the client goes away mid-body, the bytes that did arrive are a valid chunk (TUS core:
 * the server should keep them) unless the chunk carries a checksum, which they cannot match: then the read fails.
 */
final class ChunkInputStream extends ObservedInputStream {
    private final long limit;
    private final TusLeases.Lease lease;
    private final FileDigests digests;
    private final MessageDigest checksum;
    private long count;
    private boolean clientGone;

    ChunkInputStream(InputStream body, TusLeases.Lease lease, Optional<FileDigests> digests,
                     Optional<TusHeaders.ChunkChecksum> checksum) {
        super(body);
        this.limit = lease.upload().remaining();
        this.lease = lease;
        this.digests = digests.orElse(null);
        this.checksum = checksum.map(c -> digest(c.algorithm())).orElse(null);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (clientGone) {
            return -1;
        }
        lease.requireHeld();
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            // A read that blocked while the lease ran out fails as a lost lease, whatever else went wrong: the store
            // must then leave the upload's file to the request that took over.
            lease.requireHeld();
            throw e;
        }
    }

    /**
     * Fills the reader's buffer (or reaches the body's end) before passing it on, as the streamed upload does: the
     * body arrives in socket-sized pieces, and the digests then take one hand-over per large slice instead of one per
     * piece. A read the client broke off ends the chunk: at the bytes that arrived, or in failure when it has a
     * checksum. The lease is looked at before every socket read, as the bytes come.
     */
    @Override
    protected int fill(byte[] buffer, int offset, int length) throws IOException {
        int n = 0;
        while (n < length && !clientGone) {
            int read;
            try {
                read = super.fill(buffer, offset + n, length - n);
            } catch (WatchedInputStream.UploadStoppedException stopped) {
                throw stopped; // not the client's doing: the transfer was withdrawn meanwhile
            } catch (IOException e) {
                if (checksum != null) {
                    throw new ClientGoneException(e);
                }
                clientGone = true;
                break;
            }
            if (read < 0) {
                break;
            }
            n += read;
            if (n < length) {
                lease.requireHeld();
            }
        }
        return n == 0 && length > 0 ? -1 : n;
    }

    @Override
    protected void observe(byte[] buffer, int offset, int n) throws IOException {
        if (count + n > limit) {
            throw new TooMuchDataException();
        }
        count += n;
        if (digests != null) {
            digests.update(buffer, offset, n);
        }
        if (checksum != null) {
            checksum.update(buffer, offset, n);
        }
    }

    long count() {
        return count;
    }

    boolean clientGone() {
        return clientGone;
    }

    /** True when no checksum was sent or the chunk matches it; call after the body has been read to its end. */
    boolean checksumMatches(Optional<TusHeaders.ChunkChecksum> expected) {
        return checksum == null || MessageDigest.isEqual(checksum.digest(), expected.orElseThrow().digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body holds more bytes than the upload has left. */
    static final class TooMuchDataException extends IOException {
        TooMuchDataException() {
            super("More bytes than the upload length");
        }
    }

    /** The client went away in the middle of a chunk that carries a checksum. */
    static final class ClientGoneException extends IOException {
        ClientGoneException(IOException cause) {
            super("The chunk ended early", cause);
        }
    }
}
