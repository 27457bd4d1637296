package no.formidler.client;

import java.util.List;
import java.util.Map;

/**
 * The broker refused a request and said why in a problem-details body ({@code code} such as {@code BRO-00006},
 * {@code status}, {@code detail}, {@code traceId}); fields the body did not carry are null. Never retried by the
 * client unless the status is 429 or 5xx.
 */
public class BrokerProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final String detail;
    private final String traceId;
    private final Map<String, List<String>> errors;

    public BrokerProblemException(int status, String code, String title, String detail, String traceId) {
        this(status, code, title, detail, traceId, Map.of());
    }

    public BrokerProblemException(int status, String code, String title, String detail, String traceId,
                                  Map<String, List<String>> errors) {
        super(message(status, code, title, detail, traceId) + (errors.isEmpty() ? "" : " " + errors));
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
        this.traceId = traceId;
        this.errors = Map.copyOf(errors);
    }

    private static String message(int status, String code, String title, String detail, String traceId) {
        StringBuilder text = new StringBuilder().append(status);
        if (code != null) {
            text.append(' ').append(code);
        }
        text.append(": ").append(detail != null ? detail : title != null ? title : "no detail");
        if (traceId != null) {
            text.append(" (trace ").append(traceId).append(')');
        }
        return text.toString();
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public String traceId() {
        return traceId;
    }

    /** Validation errors by field (400 answers), as the broker names them; empty otherwise. */
    public Map<String, List<String>> errors() {
        return errors;
    }
}
