package no.formidler.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Deterministic event ids, byte-compatible with the reference's .NET Guid rendering. */
final class EventIds {
    private EventIds() {
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 16 bytes as .NET renders {@code new Guid(bytes)}: the first three fields little-endian. */
    static UUID dotNetGuid(byte[] b) {
        byte[] ordered = {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6],
                b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]};
        ByteBuffer buffer = ByteBuffer.wrap(ordered);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
