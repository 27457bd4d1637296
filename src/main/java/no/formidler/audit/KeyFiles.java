package no.formidler.audit;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads configured EC P-256 keys with the JDK alone: PEM files (a {@code PRIVATE KEY} in PKCS#8 with its
 * {@code PUBLIC KEY} or {@code CERTIFICATE}, or only the public part) and PKCS#12 key stores.
 */
final class KeyFiles {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private KeyFiles() {
    }

    static ECKey read(Path path, char[] password) {
        String name = path.getFileName().toString().toLowerCase();
        try {
            return name.endsWith(".p12") || name.endsWith(".pfx") ? pkcs12(path, password) : pem(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file " + path, e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(path + " does not hold an EC P-256 key", e);
        }
    }

    private static ECKey pem(Path path) throws IOException, GeneralSecurityException {
        ECPrivateKey privateKey = null;
        ECPublicKey publicKey = null;
        Matcher block = PEM.matcher(Files.readString(path));
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (block.group(1)) {
                case "PRIVATE KEY" -> privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                        .generatePrivate(new PKCS8EncodedKeySpec(der));
                case "PUBLIC KEY" -> publicKey = (ECPublicKey) KeyFactory.getInstance("EC")
                        .generatePublic(new X509EncodedKeySpec(der));
                case "CERTIFICATE" -> publicKey = (ECPublicKey) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
                default -> {
                }
            }
        }
        if (publicKey == null) {
            throw new IllegalStateException(path + " needs the PUBLIC KEY or CERTIFICATE next to its private key "
                    + "(`openssl ec -in key.pem -pubout >> key.pem`)");
        }
        return key(publicKey, privateKey);
    }

    private static ECKey pkcs12(Path path, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        for (String alias : Collections.list(store.aliases())) {
            Key key = store.getKey(alias, password);
            if (key instanceof ECPrivateKey privateKey) {
                return key(store.getCertificate(alias).getPublicKey(), privateKey);
            }
        }
        throw new IllegalStateException(path + " holds no EC private key");
    }

    private static ECKey key(java.security.PublicKey publicKey, ECPrivateKey privateKey) {
        ECKey.Builder builder = new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey);
        return (privateKey == null ? builder : builder.privateKey(privateKey)).build();
    }
}
