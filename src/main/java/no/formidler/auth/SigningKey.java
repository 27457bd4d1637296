package no.formidler.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.UUID;

/**
 * An RSA key the broker signs its own tokens with, kept as a JWK file in the data directory so that tokens stay valid
 * across restarts and on every node that shares the directory. Created on first use, atomically.
 */
final class SigningKey {
    private final RSAKey key;

    private SigningKey(RSAKey key) {
        this.key = key;
    }

    static SigningKey load(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                RSAKey generated = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
                Path temp = Files.createTempFile(keyFile.getParent(), "jwk", ".tmp");
                Files.writeString(temp, generated.toJSONString(), StandardCharsets.UTF_8);
                Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE);
            }
            return new SigningKey(RSAKey.parse(Files.readString(keyFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("Cannot load the signing key " + keyFile, e);
        }
    }

    RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String publicJwkSet() {
        return "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}";
    }

    String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
