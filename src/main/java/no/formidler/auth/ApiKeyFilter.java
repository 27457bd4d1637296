package no.formidler.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code Ocp-Apim-Subscription-Key} that Altinn clients send. Ignored by default, so Altinn client code works
 * unchanged; when {@code formidler.api-key.required=true}, every API call must carry one of the configured keys,
 * except a call the web app's session filter has already authenticated with a live session (the browser has no key).
 */
public class ApiKeyFilter extends OncePerRequestFilter {
    static final String HEADER = "Ocp-Apim-Subscription-Key";
    /** Set (to {@code true}) by the session filter on a request it authenticated; a client cannot set an attribute. */
    public static final String SESSION_AUTHENTICATED = ApiKeyFilter.class.getName() + ".session";
    private final List<byte[]> keys;

    ApiKeyFilter(List<String> keys) {
        this.keys = keys.stream().filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/broker/api/") || path.startsWith("/authentication/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (Boolean.TRUE.equals(request.getAttribute(SESSION_AUTHENTICATED))) {
            chain.doFilter(request, response);
            return;
        }
        String given = request.getHeader(HEADER);
        if (given == null || !known(given.getBytes(StandardCharsets.UTF_8))) {
            response.setStatus(401);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.2\",\"title\":\"Unauthorized\","
                    + "\"status\":401,\"detail\":\"A valid " + HEADER + " header is required.\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Compares in constant time, so the key cannot be guessed byte by byte. */
    private boolean known(byte[] given) {
        boolean found = false;
        for (byte[] key : keys) {
            found |= MessageDigest.isEqual(key, given);
        }
        return found;
    }
}
