package no.formidler.testsupport;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** JWT-bearer grants as Maskinporten clients build them (the reference's k6 maskinportenJwtBuilder.js), and their POST. */
public final class MaskinportenGrants {
    public static final String CLIENT_ID = "formidler-test-client";
    /** The registered client's organisation, and one it may act for (as supplier or through a system user). */
    public static final String CLIENT_ORG = "210000001";
    public static final String DELEGATING_ORG = "210000002";
    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private MaskinportenGrants() {
    }

    /** A grant signed by {@code client} (iss = its name, kid = its key's), two minutes long, changed by {@code claims}. */
    public static String grant(TestIssuer client, String aud, String scope, Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        return client.token(c -> {
            c.audience(aud).subject(client.issuer()).claim("scope", scope)
                    .notBeforeTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plusSeconds(120)));
            claims.accept(c);
        });
    }

    public static Map<String, Object> systemUser(String org) {
        return Map.of("type", "urn:altinn:systemuser",
                "systemuser_org", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + org));
    }

    public static List<Map<String, Object>> systemUserDetails(String org) {
        return List.of(systemUser(org));
    }

    /** {@code POST <base>/maskinporten/token} as the k6 helper sends it. */
    public static BrokerClient.Response post(BrokerClient client, String assertion) {
        return post(client, JWT_BEARER, assertion);
    }

    public static BrokerClient.Response post(BrokerClient client, String grantType, String assertion) {
        String form = "grant_type=" + URLEncoder.encode(grantType, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        return client.post("/maskinporten/token", null, HttpRequest.BodyPublishers.ofString(form),
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");
    }
}
