package no.formidler.client;

/** A received file (or a webhook) did not match what the broker said it is: a checksum or signature differs. */
public class VerificationFailedException extends RuntimeException {
    public VerificationFailedException(String message) {
        super(message);
    }
}
