package no.formidler.client;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The broker (or a token issuer) could not be reached or the connection broke, after the retries that were safe. */
public class BrokerUnreachableException extends UncheckedIOException {
    public BrokerUnreachableException(String message, IOException cause) {
        super(message, cause);
    }
}
