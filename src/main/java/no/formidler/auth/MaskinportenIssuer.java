package no.formidler.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import no.formidler.secrets.SealedFiles;

/** Signs the access tokens of the Maskinporten-compatible endpoint, with a key kept in the data directory. */
final class MaskinportenIssuer {
    private final SigningKey key;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    private MaskinportenIssuer(SigningKey key, String issuer, Duration lifetime, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    static MaskinportenIssuer load(Path keyFile, SealedFiles files, String issuer, Duration lifetime, Clock clock) {
        return new MaskinportenIssuer(SigningKey.load(keyFile, files), issuer, lifetime, clock);
    }

    String issuer() {
        return issuer;
    }

    RSAPublicKey publicKey() {
        return key.publicKey();
    }

    String publicJwkSet() {
        return key.publicJwkSet();
    }

    Duration lifetime() {
        return lifetime;
    }

    String sign(MaskinportenGrant.Granted grant) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", grant.scope());
        grant.claims().forEach(claims::claim);
        return key.sign(claims.build());
    }
}
