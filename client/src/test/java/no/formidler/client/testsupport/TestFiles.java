package no.formidler.client.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Files of pseudo-random bytes generated as they are written (no array of the file's size), and their SHA-256. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Writes {@code size} bytes derived from {@code seed}; answers their SHA-256 (hex). */
    public static String write(Path file, long size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(buffer.length, left);
                for (int i = 0; i < n; i += 8) {
                    long value = random.nextLong();
                    for (int j = 0; j < 8 && i + j < n; j++) {
                        buffer[i + j] = (byte) (value >>> (8 * j));
                    }
                }
                out.write(buffer, 0, n);
                sha256.update(buffer, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    public static String sha256(Path file) {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
