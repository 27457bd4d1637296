package no.formidler.error;

/**
 * A refusal that has no broker error code (a body of the wrong media type, an endpoint this configuration switches
 * off, a webhook without its secret): the web layer answers it as problem details with this status and detail.
 */
public class RequestRefusedException extends RuntimeException {
    private final int status;

    public RequestRefusedException(int status, String detail) {
        super(detail, null, false, false); // an expected answer, not a fault: no stack trace
        this.status = status;
    }

    public int status() {
        return status;
    }
}
