package no.formidler.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, before anything reads a parameter, a query string that is not well-formed: a {@code %} without two hex
 * digits, bytes that are not UTF-8, or a parameter (name or value) that {@link PlainText} refuses. Also refuses a
 * direct request for the servlet error page, which only answers errors that happened. Each is a 400 problem.
 */
final class MalformedRequestFilter extends OncePerRequestFilter {
    private final JsonMapper json;

    MalformedRequestFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = problem(request);
        if (problem.isPresent()) {
            response.setStatus(400);
            response.setContentType("application/problem+json");
            json.writeValue(response.getOutputStream(), Problems.of(400, problem.get(), request));
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> problem(HttpServletRequest request) {
        if (request.getRequestURI().equals(request.getContextPath() + "/error")) {
            return Optional.of("There is no resource at /error.");
        }
        return refusal(request.getQueryString());
    }

    static Optional<String> refusal(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&", -1)) {
            for (String part : pair.split("=", 2)) {
                Optional<String> decoded = decode(part);
                if (decoded.isEmpty()) {
                    return Optional.of("The query string is not correctly percent-encoded UTF-8.");
                }
                Optional<String> refusal = PlainText.refusal(decoded.get());
                if (refusal.isPresent()) {
                    return Optional.of("A query parameter " + refusal.get() + ".");
                }
            }
        }
        return Optional.empty();
    }

    /** Strict form decoding: empty when a {@code %} is not followed by two hex digits or the bytes are not UTF-8. */
    private static Optional<String> decode(String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(part.charAt(i + 1), 16);
                int low = Character.digit(part.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7f) {
                return Optional.empty(); // raw non-ASCII: not a valid URI
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
