package no.formidler.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.UUID;
import no.formidler.secrets.SealedFiles;

/**
 * An RSA key the broker signs its own tokens with, kept as a JWK file in the data directory so that tokens stay valid
 * across restarts and on every node that shares the directory. Created on first use, atomically; sealed
 * ({@link SealedFiles}), so a copy of the directory without the secrets key reveals no private key.
 */
final class SigningKey {
    private final RSAKey key;

    private SigningKey(RSAKey key) {
        this.key = key;
    }

    static SigningKey load(Path keyFile, SealedFiles files) {
        try {
            if (files.read(keyFile).isEmpty()) {
                files.write(keyFile, new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate().toJSONString());
            }
            // Read back: when nodes sharing the directory race to create it, all sign with the one that stayed.
            return new SigningKey(RSAKey.parse(files.read(keyFile).orElseThrow()));
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
