package no.formidler.client.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import no.formidler.client.VerificationFailedException;

/**
 * A verified receipt of the broker (docs/evidence.md): a submission receipt ({@code recipient} empty) or a delivery
 * receipt. Only {@link #verify} makes one, so holding one means its signature held.
 */
public record Receipt(String kind, String fileTransferId, String resourceId, String fileName, long fileSize,
                      String sha256, String md5, String sender, Optional<String> recipient, String time,
                      String eventType, String eventId, String issuer) {

    /** Checks the receipt's signature with {@code keys}; throws {@link VerificationFailedException} if it fails. */
    public static Receipt verify(String jws, EvidenceKeys keys) {
        JsonNode c = SignedEvidence.verify(jws, keys);
        return new Receipt(c.path("kind").asText(), c.path("fileTransferId").asText(), c.path("resourceId").asText(),
                c.path("fileName").asText(), c.path("fileSize").asLong(), c.path("sha256").asText(),
                c.path("md5").asText(), c.path("sender").asText(),
                c.hasNonNull("recipient") ? Optional.of(c.get("recipient").asText()) : Optional.empty(),
                c.path("time").asText(), c.path("event").path("type").asText(), c.path("event").path("id").asText(),
                c.path("iss").asText());
    }

    /** Checks that {@code file} is the file the receipt is about: its SHA-256 and size. */
    public void requireFile(Path file) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            size = in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equalsIgnoreCase(sha256()) || size != fileSize) {
            throw new VerificationFailedException("The file " + file + " is not the one the receipt is about: SHA-256 "
                    + actual + " (" + size + " bytes), receipt says " + sha256() + " (" + fileSize + " bytes)");
        }
    }
}
