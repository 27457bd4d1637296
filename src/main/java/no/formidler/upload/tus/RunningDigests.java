package no.formidler.upload.tus;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import no.formidler.upload.OffThreadDigest;

/**
 * The whole-file MD5 (the reference's checksum) and SHA-256 of an upload's bytes so far, with the JDK's digests (CPU
 * intrinsics where the machine has them), the MD5 on another core as for a streamed upload. They live in memory only ({@link NodeDigests}): a node that did not write
 * the upload's last chunk has none, and the finished file is then hashed once more.
 */
final class RunningDigests {
    private final OffThreadDigest md5 = new OffThreadDigest("MD5");
    private final MessageDigest sha256 = digest("SHA-256");

    void update(byte[] input, int offset, int length) throws InterruptedIOException {
        try {
            md5.update(input, offset, length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while hashing the upload");
        }
        sha256.update(input, offset, length);
    }

    /** Finishes both digests: call once, after the last byte. */
    Hex finish() {
        return new Hex(md5.hex(), HexFormat.of().formatHex(sha256.digest()));
    }

    record Hex(String md5, String sha256) {
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
