package no.formidler.error;

/** A service the broker depends on (Altinn's, for example) did not answer usably: the caller may try again (503). */
public class UpstreamUnavailableException extends RuntimeException {
    public UpstreamUnavailableException(String message) {
        super(message);
    }
}
