package no.formidler.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads an RSA private key from PEM (PKCS#8, as {@code openssl genpkey} writes it). */
public final class PemKeys {
    private PemKeys() {
    }

    public static PrivateKey readPrivateKey(Path file) {
        try {
            String pem = Files.readString(file);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalArgumentException(file + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY); convert it with "
                        + "`openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem`");
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the key file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " does not hold an RSA private key", e);
        }
    }
}
