package no.formidler.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The reference's Accept check (docs/compatibility.md §2): an endpoint that produces JSON answers 406 to a request
 * whose Accept names neither its type nor {@code *}{@code /*}. It runs before authentication, as in the reference, so
 * clients see the same answer for the same request.
 */
public class AcceptHeaderFilter extends OncePerRequestFilter {
    private static final String API = "/broker/api/v1";
    private static final String ID = "/[^/]+";

    private record Produces(String method, Pattern path, String mediaType) {
    }

    private static final List<Produces> ENDPOINTS = List.of(
            json("POST", "/filetransfer"),
            json("POST", "/filetransfer/upload"),
            json("POST", "/filetransfer" + ID + "/upload"),
            json("GET", "/filetransfer"),
            json("GET", "/filetransfer" + ID),
            json("GET", "/filetransfer" + ID + "/details"),
            json("POST", "/filetransfer" + ID + "/confirmdownload"),
            json("POST", "/filetransfer" + ID + "/cancel"),
            json("PUT", "/resource" + ID),
            json("GET", "/resource" + ID),
            json("GET", "/resource" + ID + "/policy"),
            json("PUT", "/resource" + ID + "/policy"),
            json("PUT", "/resource" + ID + "/approval"),
            json("GET", "/resource" + ID + "/accesslist"),
            json("PUT", "/resource" + ID + "/accesslist"),
            json("GET", "/serviceowner"),
            json("GET", "/notifications/settings"),
            json("PUT", "/notifications/settings"),
            json("POST", "/statistics/generate-daily-summary"),
            new Produces("GET", Pattern.compile(API + "/statistics/monthly"), "text/csv"));

    private static Produces json(String method, String path) {
        return new Produces(method, Pattern.compile(API + path), "application/json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> produced = producedType(request);
        List<String> accepts = Collections.list(request.getHeaders("Accept"));
        if (produced.isPresent() && !accepts.isEmpty() && !accepted(accepts, produced.get())) {
            response.setStatus(406);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("This endpoint does not support the requested Accept header. Supported Accept headers are: "
                    + produced.get() + ", */*.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> producedType(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ENDPOINTS.stream()
                .filter(e -> e.method().equals(request.getMethod()) && e.path().matcher(path).matches())
                .map(Produces::mediaType)
                .findFirst();
    }

    private static boolean accepted(List<String> headerValues, String produced) {
        return headerValues.stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(part -> part.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .filter(type -> !type.isEmpty())
                .anyMatch(type -> type.equals(produced) || type.equals("*/*"));
    }
}
