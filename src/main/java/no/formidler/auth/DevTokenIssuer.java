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
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The development token issuer: signs Altinn-shaped enterprise tokens with an RSA key kept in the data directory,
 * so that tokens stay valid across restarts. Never on unless configured (standalone mode turns it on by default).
 */
public final class DevTokenIssuer {
    private static final Duration LIFETIME = Duration.ofHours(1);
    private final RSAKey key;
    private final String issuer;
    private final Clock clock;

    private DevTokenIssuer(RSAKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Loads the signing key from {@code keyFile}, creating it on first use. */
    public static DevTokenIssuer load(Path keyFile, String issuer, Clock clock) {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                RSAKey generated = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
                Path temp = Files.createTempFile(keyFile.getParent(), "jwk", ".tmp");
                Files.writeString(temp, generated.toJSONString(), StandardCharsets.UTF_8);
                Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE);
            }
            return new DevTokenIssuer(RSAKey.parse(Files.readString(keyFile)), issuer, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("Cannot load the development token key " + keyFile, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicJwkSet() {
        return "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}";
    }

    /** A token shaped like an Altinn enterprise token for {@code orgNumber}, with the given claims added. */
    public String enterpriseToken(Organization org, String scopes, String orgCode) {
        JWTClaimsSet.Builder claims = base(scopes)
                .claim("urn:altinn:orgNumber", org.number())
                .claim("urn:altinn:authlevel", 3)
                .claim("consumer", Map.of("authority", "iso6523-actorid-upis", "ID", org.prefixed()))
                .claim("client_id", "formidler-dev-" + org.number());
        if (orgCode != null && !orgCode.isBlank()) {
            claims.claim("urn:altinn:org", orgCode);
        }
        return sign(claims.build());
    }

    private JWTClaimsSet.Builder base(String scopes) {
        var now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", scopes == null ? "" : scopes.trim());
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }
}
