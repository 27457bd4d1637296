package no.formidler.webapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import no.formidler.auth.ApiKeyFilter;
import no.formidler.web.ProblemResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a browser's session stand in for a bearer token: a request without an {@code Authorization} header but with a
 * live session cookie is passed on carrying the session's broker token, so the same scope and access checks decide
 * what a person may do as for a program. A state-changing request authenticated this way must also carry the
 * session's CSRF token in {@value #CSRF_HEADER} (a page of another site can send the cookie-less request, or with
 * SameSite lapses the cookie, but never read the token); otherwise it is refused with 403. Bearer-token clients are
 * not touched.
 */
class SessionAuthenticationFilter extends OncePerRequestFilter {
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private final WebSessions sessions;
    private final JsonMapper json;

    SessionAuthenticationFilter(WebSessions sessions, JsonMapper json) {
        this.sessions = sessions;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Pages and assets need no session: looking one up for each would cost a database query per asset.
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || SessionCookie.read(request).isEmpty()
                || WebAppRoutes.isAppPath(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<WebSession> session;
        try {
            session = SessionCookie.read(request).flatMap(sessions::resolve);
        } catch (DataAccessException e) {
            ProblemResponse.write(json, request, response, 503, "Sessions cannot be read right now; try again shortly.");
            return;
        }
        if (session.isEmpty()) {
            chain.doFilter(request, response);   // no live session: the request goes on unauthenticated
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfMatches(request, session.get())) {
            ProblemResponse.write(json, request, response, 403, "This request needs the session's " + CSRF_HEADER + " header.");
            return;
        }
        request.setAttribute(ApiKeyFilter.SESSION_AUTHENTICATED, Boolean.TRUE);
        chain.doFilter(new WithBearer(request, session.get().token()), response);
    }

    private static boolean csrfMatches(HttpServletRequest request, WebSession session) {
        String given = request.getHeader(CSRF_HEADER);
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    /** The request as if its client had sent the session's token itself. */
    private static final class WithBearer extends HttpServletRequestWrapper {
        private final String authorization;

        WithBearer(HttpServletRequest request, String token) {
            super(request);
            this.authorization = "Bearer " + token;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? authorization : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)
                    ? Collections.enumeration(Set.of(authorization)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.add(HttpHeaders.AUTHORIZATION);
            return Collections.enumeration(names);
        }
    }
}
