package no.formidler.auth;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Sends each bearer token to the authentication of the issuer it names, as Spring Security's
 * {@code JwtIssuerAuthenticationManagerResolver} does, and remembers which issuer a token names: a client sends the
 * same token with every call, and parsing it again only to read its {@code iss} was a twentieth of a small call's
 * work. What a token names cannot change while its text does not, so the memory is keyed by the whole text, and the
 * issuer's own authentication (signature, expiry, issuer) still runs on every call. A token that names no trusted
 * issuer is refused as the Spring resolver refuses it, and is not remembered.
 */
final class TokenIssuerRouting implements AuthenticationManagerResolver<HttpServletRequest> {
    private final Function<String, AuthenticationManager> managers;
    private final int capacity;
    private final Map<String, AuthenticationManager> known = new ConcurrentHashMap<>();
    private final AuthenticationManager routing = this::authenticate;

    /** @param managers the authentication of a trusted issuer, or null for any other */
    TokenIssuerRouting(Function<String, AuthenticationManager> managers, int capacity) {
        this.managers = managers;
        this.capacity = capacity;
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        return routing;
    }

    private Authentication authenticate(Authentication authentication) {
        try {
            return managerOf(((BearerTokenAuthenticationToken) authentication).getToken()).authenticate(authentication);
        } catch (AuthenticationException e) {
            e.setAuthenticationRequest(authentication);
            throw e;
        }
    }

    private AuthenticationManager managerOf(String token) {
        AuthenticationManager manager = known.get(token);
        if (manager == null) {
            manager = managers.apply(issuerOf(token));
            if (manager == null) {
                throw new InvalidBearerTokenException("Invalid issuer");
            }
            if (known.size() >= capacity) {
                known.clear(); // more tokens in use than remembered: start again rather than track use
            }
            known.put(token, manager);
        }
        return manager;
    }

    private static String issuerOf(String token) {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (Exception e) {
            throw new InvalidBearerTokenException(e.getMessage(), e);
        }
        if (issuer == null) {
            throw new InvalidBearerTokenException("Missing issuer");
        }
        return issuer;
    }

    int size() {
        return known.size();
    }
}
