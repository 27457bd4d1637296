package no.formidler.error;

/** A domain error on its way to the caller; turned into problem details in one place (web.ProblemDetailsAdvice). */
public class BrokerException extends RuntimeException {
    private final BrokerError error;

    public BrokerException(BrokerError error) {
        super(error.code() + " " + error.message());
        this.error = error;
    }

    public BrokerError error() {
        return error;
    }
}
