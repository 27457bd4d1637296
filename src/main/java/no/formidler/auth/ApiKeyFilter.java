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
 * unchanged; when {@code formidler.api-key.required=true}, every API call must carry one of the configured keys.
 */
class ApiKeyFilter extends OncePerRequestFilter {
    static final String HEADER = "Ocp-Apim-Subscription-Key";
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
