package no.formidler.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.formidler.secrets.SealedFiles;

/**
 * The development token issuer: signs Altinn-shaped enterprise and system-user tokens with an RSA key kept in the
 * data directory, so that tokens stay valid across restarts. Never on unless configured (standalone mode turns it on
 * by default).
 */
public final class DevTokenIssuer {
    private static final Duration LIFETIME = Duration.ofHours(1);
    private final SigningKey key;
    private final String issuer;
    private final Clock clock;

    private DevTokenIssuer(SigningKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Loads the signing key from {@code keyFile}, creating it on first use. */
    public static DevTokenIssuer load(Path keyFile, SealedFiles files, String issuer, Clock clock) {
        return new DevTokenIssuer(SigningKey.load(keyFile, files), issuer, clock);
    }

    public String issuer() {
        return issuer;
    }

    public RSAPublicKey publicKey() {
        return key.publicKey();
    }

    public String publicJwkSet() {
        return key.publicJwkSet();
    }

    /** A token shaped like an Altinn enterprise token for {@code orgNumber}, with the given claims added. */
    public String enterpriseToken(Organization org, String scopes, String orgCode) {
        JWTClaimsSet.Builder claims = base(scopes)
                .claim("urn:altinn:orgNumber", org.number())
                .claim("urn:altinn:authlevel", 3)
                .claim("consumer", consumer(org))
                .claim("client_id", "formidler-dev-" + org.number());
        if (orgCode != null && !orgCode.isBlank()) {
            claims.claim("urn:altinn:org", orgCode);
        }
        return key.sign(claims.build());
    }

    /**
     * A Maskinporten system-user token (docs/compatibility.md §3): acts for {@code systemUserOrg}, authenticated by the
     * software vendor {@code vendor}, which is the {@code consumer}.
     */
    public String systemUserToken(Organization systemUserOrg, Organization vendor, String scopes) {
        JWTClaimsSet claims = base(scopes)
                .claim("consumer", consumer(vendor))
                .claim("client_id", "formidler-dev-system-" + vendor.number())
                .claim("authorization_details", List.of(Map.of(
                        "type", "urn:altinn:systemuser",
                        "systemuser_id", List.of(UUID.nameUUIDFromBytes((systemUserOrg.number() + vendor.number()).getBytes()).toString()),
                        "systemuser_org", Map.of("authority", "iso6523-actorid-upis", "ID", systemUserOrg.prefixed()),
                        "system_id", "formidler-dev-system")))
                .build();
        return key.sign(claims);
    }

    private static Map<String, String> consumer(Organization org) {
        return Map.of("authority", "iso6523-actorid-upis", "ID", org.prefixed());
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
}
