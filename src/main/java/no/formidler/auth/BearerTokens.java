package no.formidler.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds a request's bearer token as Spring Security's own resolver does, without its regular expression in the
 * common case: every API call sends a token of about a kilobyte, and matching it was a tenth of a small call's
 * authentication. A plain {@code Authorization: Bearer <token>} header whose token that resolver would accept is read
 * here, unless the resolver would also look for an {@code access_token} parameter (a GET, a form POST); every other
 * request, well-formed or not, is left to it, so what is accepted and how a bad one is refused do not change.
 */
final class BearerTokens implements BearerTokenResolver {
    private static final String PREFIX = "bearer ";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ACCESS_TOKEN = "access_token";
    private final BearerTokenResolver resolver = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !mayCarryParameterToken(request) && hasPrefix(authorization)
                && isToken(authorization, PREFIX.length())) {
            return authorization.substring(PREFIX.length());
        }
        return resolver.resolve(request);
    }

    /**
     * The resolver also looks for an {@code access_token} parameter on a GET and a form POST (and refuses a request
     * that has both); those are left to it. Asking a GET for it parses only its query string.
     */
    private static boolean mayCarryParameterToken(HttpServletRequest request) {
        String contentType = request.getContentType();
        boolean form = contentType != null && contentType.regionMatches(true, 0, FORM, 0, FORM.length());
        return form || "GET".equals(request.getMethod()) && request.getParameterValues(ACCESS_TOKEN) != null;
    }

    /** "Bearer " in any ASCII case, as the resolver's case-insensitive pattern takes it. */
    private static boolean hasPrefix(String authorization) {
        if (authorization.length() <= PREFIX.length()) {
            return false;
        }
        for (int i = 0; i < PREFIX.length(); i++) {
            char c = authorization.charAt(i);
            if (c != PREFIX.charAt(i) && !(c >= 'A' && c <= 'Z' && (char) (c + 32) == PREFIX.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 6750's b64token: {@code [A-Za-z0-9-._~+/]+=*}, from {@code start} to the end. */
    static boolean isToken(String text, int start) {
        int end = text.length();
        while (end > start && text.charAt(end - 1) == '=') {
            end--;
        }
        if (end == start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
