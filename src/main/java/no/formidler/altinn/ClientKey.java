package no.formidler.altinn;

import com.nimbusds.jose.jwk.JWK;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;

/** The private key of the broker's Maskinporten client, read from a PEM (PKCS#8), PKCS#12 or JWK file. */
record ClientKey(RSAPrivateKey privateKey, String kid) {

    static ClientKey read(Path file, String password, String alias, String kid) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                return pkcs12(file, password, alias, kid);
            }
            String text = Files.readString(file);
            if (text.trim().startsWith("{")) {
                JWK jwk = JWK.parse(text);
                return new ClientKey(jwk.toRSAKey().toRSAPrivateKey(), kid != null ? kid : jwk.getKeyID());
            }
            if (text.contains("BEGIN RSA PRIVATE KEY")) {
                throw new IllegalStateException(file + " is a PKCS#1 key; convert it with `openssl pkcs8 -topk8 -nocrypt`");
            }
            String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new ClientKey((RSAPrivateKey) key, kid);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the Maskinporten client key " + file, e);
        }
    }

    private static ClientKey pkcs12(Path file, String password, String alias, String kid) throws Exception {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, secret);
        }
        String chosen = alias != null ? alias : Collections.list(store.aliases()).stream()
                .filter(a -> isKey(store, a)).findFirst()
                .orElseThrow(() -> new IllegalStateException(file + " holds no private key"));
        Key key = store.getKey(chosen, secret);
        if (!(key instanceof RSAPrivateKey rsa)) {
            throw new IllegalStateException(file + ": " + chosen + " is not an RSA private key");
        }
        return new ClientKey(rsa, kid);
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (Exception e) {
            return false;
        }
    }
}
