package no.formidler.altinn;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker's own Altinn platform token: a Maskinporten token fetched with the broker's client (JWT-bearer grant),
 * exchanged at Altinn Authentication, cached, and renewed when it comes within {@code renewBefore} of its expiry.
 * Renewal happens on the caller's thread, one at a time per node; after a failure the next attempt waits (doubling
 * up to a maximum), the cached token is used while it lasts, and {@link #state()} tells readiness.
 */
final class PlatformTokenSource implements PlatformAccessToken {
    private static final Logger log = LoggerFactory.getLogger(PlatformTokenSource.class);
    private static final Duration GRANT_LIFETIME = Duration.ofSeconds(100);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MaskinportenClientSettings settings;
    private final ClientKey key;
    private final URI exchangeUrl;
    private final Optional<String> subscriptionKey;
    private final HttpClient http;
    private final Clock clock;

    private Token token;
    private int failures;
    private Instant nextAttempt = Instant.MIN;
    private String lastError;

    PlatformTokenSource(MaskinportenClientSettings settings, ClientKey key, URI exchangeUrl,
                        Optional<String> subscriptionKey, HttpClient http, Clock clock) {
        this.settings = settings;
        this.key = key;
        this.exchangeUrl = exchangeUrl;
        this.subscriptionKey = subscriptionKey.filter(k -> !k.isBlank());
        this.http = http;
        this.clock = clock;
    }

    private record Token(String value, Instant expires) {
    }

    /** What readiness shows: whether a usable token is held, until when, and the last failure. */
    record State(boolean usable, Instant expires, int failures, String lastError, Instant nextAttempt) {
    }

    @Override
    public synchronized Optional<String> current() {
        Instant now = clock.instant();
        boolean fresh = token != null && token.expires().minus(settings.renewBefore()).isAfter(now);
        if (!fresh && !now.isBefore(nextAttempt)) {
            renew(now);
        }
        return token != null && token.expires().isAfter(clock.instant()) ? Optional.of(token.value()) : Optional.empty();
    }

    synchronized State state() {
        current();
        boolean usable = token != null && token.expires().isAfter(clock.instant());
        return new State(usable, token == null ? null : token.expires(), failures, lastError,
                failures == 0 ? null : nextAttempt);
    }

    private void renew(Instant now) {
        try {
            Token maskinporten = maskinportenToken();
            token = exchange(maskinporten);
            failures = 0;
            lastError = null;
            nextAttempt = Instant.MIN;
        } catch (TokenFailure | JacksonException e) {
            failures++;
            lastError = e.getMessage();
            Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(failures - 1, 20));
            nextAttempt = now.plus(wait.compareTo(settings.maxRetryInterval()) > 0 ? settings.maxRetryInterval() : wait);
            log.warn("Could not renew the Altinn platform token (attempt {}): {}; next attempt at {}",
                    failures, lastError, nextAttempt);
        }
    }

    private Token maskinportenToken() {
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenUrl())).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String body = send(request, "Maskinporten");
        JsonNode answer = JSON.readTree(body);
        JsonNode accessToken = answer.get("access_token");
        if (accessToken == null || !accessToken.isString()) {
            throw new TokenFailure("Maskinporten's answer has no access_token");
        }
        long expiresIn = answer.has("expires_in") ? answer.get("expires_in").asLong() : 120;
        return new Token(accessToken.asString(), clock.instant().plusSeconds(expiresIn));
    }

    private Token exchange(Token maskinporten) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(exchangeUrl).timeout(settings.timeout())
                .header("Authorization", "Bearer " + maskinporten.value()).header("Accept", "text/plain").GET();
        subscriptionKey.ifPresent(k -> builder.header("Ocp-Apim-Subscription-Key", k));
        String body = send(builder.build(), "Altinn Authentication").trim();
        // Altinn answers plain text; a JSON string is unwrapped.
        String value = body.startsWith("\"") ? JSON.readTree(body).asString() : body;
        return new Token(value, expiry(value).orElse(maskinporten.expires()));
    }

    private String send(HttpRequest request, String service) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new TokenFailure(service + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new TokenFailure(service + " did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenFailure(service + ": interrupted");
        }
    }

    private String assertion() {
        Instant now = clock.instant();
        String audience = settings.audience() != null && !settings.audience().isBlank() ? settings.audience() : settings.tokenUrl();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.clientId()).audience(audience).claim("scope", settings.scope())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(GRANT_LIFETIME)))
                .jwtID(UUID.randomUUID().toString()).build();
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256);
        if (key.kid() != null) {
            header.keyID(key.kid());
        }
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key.privateKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new TokenFailure("cannot sign the grant: " + e.getMessage());
        }
    }

    /** The token's own exp, read without verifying it: the broker only needs to know when to renew. */
    private static Optional<Instant> expiry(String jwt) {
        try {
            Date exp = JWTParser.parse(jwt).getJWTClaimsSet().getExpirationTime();
            return Optional.ofNullable(exp).map(Date::toInstant);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static final class TokenFailure extends RuntimeException {
        TokenFailure(String message) {
            super(message, null, false, false);
        }
    }
}
