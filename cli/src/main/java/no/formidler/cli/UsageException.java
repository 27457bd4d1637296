package no.formidler.cli;

/** The command line asks for something impossible (exit code 2), found after picocli's own checks. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
