package no.formidler.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import no.formidler.error.BrokerError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds problem-details bodies in the reference's shape: RFC 9110 link as type, reason phrase as title, traceId once. */
public final class Problems {
    private Problems() {
    }

    public static ProblemDetail of(BrokerError error, HttpServletRequest request) {
        ProblemDetail problem = of(error.status(), error.message(), request);
        problem.setProperty("code", error.code());
        return problem;
    }

    public static ProblemDetail of(int status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(typeOf(status)));
        problem.setTitle(titleOf(status));
        problem.setDetail(detail);
        problem.setProperty("traceId", TraceIdFilter.activityId(request));
        return problem;
    }

    public static ProblemDetail validation(Map<String, List<String>> errors, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(400);
        problem.setType(URI.create(typeOf(400)));
        problem.setTitle("One or more validation errors occurred.");
        problem.setProperty("errors", errors);
        problem.setProperty("traceId", TraceIdFilter.activityId(request));
        return problem;
    }

    static String typeOf(int status) {
        return switch (status) {
            case 400 -> "https://tools.ietf.org/html/rfc9110#section-15.5.1";
            case 401 -> "https://tools.ietf.org/html/rfc9110#section-15.5.2";
            case 403 -> "https://tools.ietf.org/html/rfc9110#section-15.5.4";
            case 404 -> "https://tools.ietf.org/html/rfc9110#section-15.5.5";
            case 405 -> "https://tools.ietf.org/html/rfc9110#section-15.5.6";
            case 406 -> "https://tools.ietf.org/html/rfc9110#section-15.5.7";
            case 409 -> "https://tools.ietf.org/html/rfc9110#section-15.5.10";
            case 411 -> "https://tools.ietf.org/html/rfc9110#section-15.5.12";
            case 413 -> "https://tools.ietf.org/html/rfc9110#section-15.5.14";
            case 415 -> "https://tools.ietf.org/html/rfc9110#section-15.5.16";
            case 416 -> "https://tools.ietf.org/html/rfc9110#section-15.5.17";
            case 429 -> "https://tools.ietf.org/html/rfc6585#section-4";
            case 502 -> "https://tools.ietf.org/html/rfc9110#section-15.6.3";
            case 503 -> "https://tools.ietf.org/html/rfc9110#section-15.6.4";
            case 507 -> "https://tools.ietf.org/html/rfc4918#section-11.5";
            default -> "https://tools.ietf.org/html/rfc9110#section-15.6.1";
        };
    }

    static String titleOf(int status) {
        if (status == 416) {
            return "Range Not Satisfiable"; // the reference's title; Spring's phrase is RFC 2616's
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
