package no.formidler.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One entry of the audit log as it is hashed and shown. Its {@link #hash()} is its Merkle leaf,
 * SHA-256(0x00 || {@link #encoded()}), and the encoding includes the previous entry's hash, so an entry commits to
 * the whole log before it (docs/evidence.md, "How the audit trail is built").
 *
 * @param actor   the organisation that acted ({@code 0192:<org>}), or {@code system} for the broker itself
 * @param vendor  the vendor system that acted for it, or empty
 * @param details a JSON object, kept as the exact text that was hashed
 */
public record AuditEntry(long sequence, Instant time, String actor, String vendor, String action, String subject,
                         String details, byte[] previousHash) {

    /** The fields, each as a 4-byte big-endian length and its UTF-8 bytes, in the order of the record. */
    public byte[] encoded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[] {Long.toString(sequence), time.toString(), actor, vendor, action, subject,
                details, HexFormat.of().formatHex(previousHash)}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    public byte[] hash() {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(encoded());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
