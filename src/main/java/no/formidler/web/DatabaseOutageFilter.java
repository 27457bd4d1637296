package no.formidler.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.formidler.system.DatabaseAvailability;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the embedded PostgreSQL is known to be down, every request but the actuator's probes is answered 503 with
 * {@code Retry-After} at once, instead of each waiting out the pool's connection timeout.
 */
final class DatabaseOutageFilter extends OncePerRequestFilter {
    private static final String RETRY_AFTER_SECONDS = "5";
    private final DatabaseAvailability database;
    private final JsonMapper json;

    DatabaseOutageFilter(DatabaseAvailability database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (database.available() || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        ProblemResponse.write(json, request, response, 503,
                "The broker's database is restarting. Please try again shortly.");
    }
}
