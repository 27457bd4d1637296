package no.formidler.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.formidler.secrets.SealedFiles;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Signs the tokens the broker hands out in exchange for a Maskinporten token, as Altinn's platform authentication
 * does: the same identity and scopes, under the broker's issuer. The broker trusts these tokens like any other issuer's.
 */
final class BrokerTokenSigner {
    /** Claims that carry identity or rights and are copied as they are. */
    private static final List<String> COPIED = List.of("scope", "consumer", "client_id", "authorization_details",
            "urn:altinn:org", "urn:altinn:authlevel", "pid");
    static final String WEB_CLIENT_PREFIX = "formidler-web:";
    private static final Duration MAX_LIFETIME = Duration.ofHours(1);
    private final SigningKey key;
    private final String issuer;
    private final Clock clock;

    BrokerTokenSigner(SigningKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    static BrokerTokenSigner load(Path keyFile, SealedFiles files, String issuer, Clock clock) {
        return new BrokerTokenSigner(SigningKey.load(keyFile, files), issuer, clock);
    }

    String issuer() {
        return issuer;
    }

    RSAPublicKey publicKey() {
        return key.publicKey();
    }

    /**
     * A token for a person signed in to the web app, acting for {@code org} with {@code scopes}, shaped like an
     * enterprise token so that the API reads the same caller from it.
     */
    String forOrganization(Organization org, String scopes, Duration lifetime) {
        Instant now = clock.instant();
        return key.sign(new JWTClaimsSet.Builder()
                .issuer(issuer)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", scopes)
                .claim("urn:altinn:orgNumber", org.number())
                .claim("urn:altinn:authlevel", 3)
                .claim("consumer", Map.of("authority", "iso6523-actorid-upis", "ID", org.prefixed()))
                // One client per organisation, so that rate limits (keyed on the client) count organisations apart.
                .claim("client_id", WEB_CLIENT_PREFIX + org.number())
                .build());
    }

    /**
     * The exchanged token: the caller's identity claims, {@code urn:altinn:orgNumber} for the organisation it acts
     * for (unless it is a system user, whose organisation stays in authorization_details), never outliving the
     * token it replaces.
     */
    String exchange(Jwt original, Caller caller) {
        Instant now = clock.instant();
        Instant expiry = now.plus(MAX_LIFETIME);
        if (original.getExpiresAt() != null && original.getExpiresAt().isBefore(expiry)) {
            expiry = original.getExpiresAt();
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString());
        Map<String, Object> given = original.getClaims();
        COPIED.stream().filter(given::containsKey).forEach(name -> claims.claim(name, given.get(name)));
        if (!given.containsKey("authorization_details")) {
            caller.organization().ifPresent(org -> claims.claim("urn:altinn:orgNumber", org.number()));
        }
        if (!given.containsKey("urn:altinn:authlevel")) {
            claims.claim("urn:altinn:authlevel", 3);   // what Altinn grants a Maskinporten client
        }
        return key.sign(claims.build());
    }
}
