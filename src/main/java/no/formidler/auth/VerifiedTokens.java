package no.formidler.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens whose signature it has checked. A client sends the same token with every call until it
 * expires, and the signature check was the largest single cost of a call's authentication. The key is the whole
 * token, signature included, so only the same bytes are taken as known; the validator (issuer, expiry, not-before)
 * still runs on every use, so a known token stops working exactly when an unknown one would.
 */
final class VerifiedTokens implements JwtDecoder {
    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Jwt> known = new ConcurrentHashMap<>();

    /** @param decoder checks signature and validator, and throws when either fails */
    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int capacity, Clock clock) {
        this.decoder = decoder;
        this.validator = validator;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = known.get(token);
        if (jwt != null && !validator.validate(jwt).hasErrors()) {
            return jwt;
        }
        known.remove(token);
        jwt = decoder.decode(token);
        remember(token, jwt);
        return jwt;
    }

    private void remember(String token, Jwt jwt) {
        if (known.size() >= capacity) {
            Instant now = clock.instant();
            known.values().removeIf(k -> k.getExpiresAt() == null || k.getExpiresAt().isBefore(now));
            if (known.size() >= capacity) {
                known.clear(); // more live tokens than remembered: start again rather than track use
            }
        }
        known.put(token, jwt);
    }

    int size() {
        return known.size();
    }
}
