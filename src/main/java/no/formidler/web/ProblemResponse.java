package no.formidler.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem-details answer from a filter or an entry point, where no controller advice is reached. */
public final class ProblemResponse {
    private ProblemResponse() {
    }

    public static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response, int status,
                             String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, detail, request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(Objects.requireNonNull(problem.getProperties()));
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
