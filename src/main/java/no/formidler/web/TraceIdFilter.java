package no.formidler.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a W3C trace id: the caller's (from {@code traceparent}) when it sent one, so its logs and ours
 * can be joined, else a fresh one. Log lines carry the trace id; problem details carry it as the reference does, as the
 * W3C id of the request's own span ({@code 00-<trace id>-<span id>-00}, .NET's {@code Activity.Id}).
 */
public class TraceIdFilter extends OncePerRequestFilter {
    static final String ATTRIBUTE = TraceIdFilter.class.getName();
    private static final String SPAN_ATTRIBUTE = ATTRIBUTE + ".span";
    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = incomingTraceId(request.getHeader("traceparent"));
        request.setAttribute(ATTRIBUTE, traceId);
        request.setAttribute(SPAN_ATTRIBUTE, randomHex(8));
        MDC.put("traceId", traceId);
        try {
            chain.doFilter(request, response);
        } finally {
            // The outermost filter: it also clears what later layers added (callerOrg, fileTransferId).
            MDC.clear();
        }
    }

    /** The trace id of the current request, or a fresh one outside a request. */
    public static String traceId(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id instanceof String s ? s : newTraceId();
    }

    /** The request's span as problem details show it: {@code 00-<trace id>-<span id>-00}. */
    public static String activityId(HttpServletRequest request) {
        Object span = request.getAttribute(SPAN_ATTRIBUTE);
        return "00-" + traceId(request) + "-" + (span instanceof String s ? s : randomHex(8)) + "-00";
    }

    private static String incomingTraceId(String traceparent) {
        if (traceparent != null) {
            var m = TRACEPARENT.matcher(traceparent.trim());
            if (m.matches() && !m.group(1).equals("0".repeat(32))) {
                return m.group(1);
            }
        }
        return newTraceId();
    }

    private static String newTraceId() {
        return randomHex(16);
    }

    private static String randomHex(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
