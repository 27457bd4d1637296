package no.formidler.auth;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the request being handled, for cross-cutting code that is not a controller (rate limits). */
public final class CurrentCaller {
    private CurrentCaller() {
    }

    /** Empty when the request carries no validated token. */
    public static Optional<Caller> get() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return Optional.of(TokenClaims.caller(token.getToken()));
        }
        return Optional.empty();
    }
}
