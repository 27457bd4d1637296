package no.formidler.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Private-key files the broker keeps in its data directory (evidence keys, token issuers' keys), sealed by the
 * {@link SecretBox} so that a copy of the data directory, or a backup of it, without {@code formidler.secrets.key-file}
 * reveals no private key. A file from before sealing is read as it is and sealed in its place.
 */
public final class SealedFiles {
    private final SecretBox box;

    public SealedFiles(SecretBox box) {
        this.box = box;
    }

    /**
     * The text of {@code file}, or empty when there is none; a plain file is sealed in its place first.
     *
     * @throws SecretBox.WrongKeyException naming the file, when it was sealed under another key
     */
    public Optional<String> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String stored = readString(file);
        if (!SecretBox.isSealed(stored)) {
            write(file, stored);
            return Optional.of(stored);
        }
        try {
            return Optional.of(box.open(stored));
        } catch (SecretBox.WrongKeyException e) {
            throw new SecretBox.WrongKeyException(file + " does not open with formidler.secrets.key-file: "
                    + "the key is not the one it was sealed with");
        }
    }

    /** Writes {@code text} sealed, replacing the file atomically (the temporary file is owner-only). */
    public void write(Path file, String text) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temp, box.seal(text), StandardCharsets.US_ASCII);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp); // gone after the move; a failed write leaves no stray copy behind
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
