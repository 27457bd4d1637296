package no.formidler.altinn;

/** Altinn answered with an error or not at all where the broker cannot go on without it. */
class AltinnUnavailableException extends RuntimeException {
    AltinnUnavailableException(String message) {
        super(message);
    }
}
