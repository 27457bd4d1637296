package no.formidler.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A token fetched once and kept until shortly before its {@code exp}: a minute before, or a tenth of its life for
 * short-lived tokens, so a request never leaves with a token about to expire.
 */
abstract class RefreshingToken implements TokenProvider {
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    RefreshingToken(Clock clock) {
        this.clock = clock;
    }

    /** A fresh token from the issuer. */
    abstract String fetch();

    @Override
    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(refreshAt)) {
            token = fetch();
            Instant expires = expiry(token).orElse(now.plus(Duration.ofMinutes(5)));
            Duration life = Duration.between(now, expires);
            Duration margin = life.dividedBy(10).compareTo(Duration.ofMinutes(1)) < 0 ? life.dividedBy(10) : Duration.ofMinutes(1);
            refreshAt = expires.minus(margin);
        }
        return token;
    }

    /** The {@code exp} of a JWT, read without checking its signature (the broker checks it). */
    static Optional<Instant> expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode exp = claims.get("exp");
            return exp != null && exp.canConvertToLong()
                    ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
