package no.formidler.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The whole-file MD5 (the reference's checksum) and SHA-256, the one way every path hashes a whole file: a streamed
 * upload, a TUS upload's chunks, the re-read of a joined TUS file, a background scan's read of the stored file. The
 * JDK's digests (CPU intrinsics where the machine has them), the MD5 on another core ({@link OffThreadDigest}).
 */
public final class FileDigests {
    private static final int BUFFER_SIZE = 256 * 1024;
    private final OffThreadDigest md5 = new OffThreadDigest("MD5");
    private final MessageDigest sha256 = digest("SHA-256");

    /** Both digests, as lowercase hex. */
    public record Hex(String md5, String sha256) {
    }

    /** Reads the stream to its end (without closing it) and gives both digests of what it held. */
    public static Hex of(InputStream in) throws IOException {
        FileDigests digests = new FileDigests();
        digests.update(in);
        return digests.finish();
    }

    /** Reads the stream to its end (without closing it) as the next bytes of the file. */
    public void update(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            update(buffer, 0, n);
        }
    }

    /** The next bytes of the file, in order. */
    public void update(byte[] input, int offset, int length) throws IOException {
        md5.update(input, offset, length);
        sha256.update(input, offset, length);
    }

    /** Lets go of the copy buffers while these digests wait for the upload's next bytes (they come back when needed). */
    public void park() {
        md5.park();
    }

    int buffersHeld() {
        return md5.buffersHeld();
    }

    /** Finishes both digests: call once, after the last byte. */
    public Hex finish() {
        return new Hex(md5.hex(), HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
