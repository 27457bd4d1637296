package no.formidler.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A token issuer for tests: an RSA key whose public half is served as a JWKS over real HTTP (JDK HttpServer on
 * loopback), and a minting API for Altinn-, Maskinporten- and system-user-shaped tokens.
 */
public final class TestIssuer implements AutoCloseable {
    private final String issuer;
    private final RSAKey key;
    private final HttpServer server;

    private TestIssuer(String issuer) throws IOException, JOSEException {
        this.issuer = issuer;
        this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = ("{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}").getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    public static TestIssuer start(String issuer) {
        try {
            return new TestIssuer(issuer);
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    public RSAKey key() {
        return key;
    }

    /** An Altinn enterprise token for {@code org} with space-separated {@code scopes}. */
    public String enterprise(String org, String scopes) {
        return token(c -> c.claim("scope", scopes)
                .claim("urn:altinn:orgNumber", org)
                .claim("consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + org)));
    }

    /** A Maskinporten token: only {@code consumer} names the organisation. */
    public String maskinporten(String org, String scopes) {
        return token(c -> c.claim("scope", scopes)
                .claim("consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + org)));
    }

    /** A system-user token: acts for {@code systemUserOrg}, authenticated by {@code vendorOrg}. */
    public String systemUser(String systemUserOrg, String vendorOrg, String scopes) {
        return token(c -> c.claim("scope", scopes)
                .claim("consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + vendorOrg))
                .claim("authorization_details", List.of(Map.of(
                        "type", "urn:altinn:systemuser",
                        "systemuser_id", List.of(UUID.randomUUID().toString()),
                        "systemuser_org", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + systemUserOrg),
                        "system_id", "test-system"))));
    }

    public String expired(String org, String scopes) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return token(c -> c.claim("scope", scopes).claim("urn:altinn:orgNumber", org)
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))));
    }

    /** A token with the default claims (iss, iat, exp in an hour, jti) changed by {@code claims}. */
    public String token(Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString());
        claims.accept(builder);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
