package no.formidler.altinn;

import no.formidler.error.UpstreamUnavailableException;

/** Altinn answered with an error or not at all where the broker cannot go on without it. */
class AltinnUnavailableException extends UpstreamUnavailableException {
    AltinnUnavailableException(String message) {
        super(message);
    }
}
