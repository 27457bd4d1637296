package no.formidler.events;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * What POSTing one CloudEvent came to, in words the receiver's owner can act on, and how long such a POST may take:
 * shared by webhook delivery and publication to Altinn Events, so both fail and time out alike.
 */
public final class EventPost {
    /** How long connecting may take, on top of the request timeout. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private EventPost() {
    }

    /** The longest one POST can take: connecting, then the whole request. */
    public static Duration longest(Duration requestTimeout) {
        return CONNECT_TIMEOUT.plus(requestTimeout);
    }

    /** Empty for any 2xx, else the status in words. */
    public static Optional<String> answered(int status) {
        return status / 100 == 2 ? Optional.empty() : Optional.of("The endpoint answered HTTP " + status + ".");
    }

    public static Optional<String> timedOut(Duration requestTimeout) {
        return Optional.of("The endpoint did not answer within " + requestTimeout.toSeconds() + " s.");
    }

    public static Optional<String> unreachable(IOException e) {
        return Optional.of("The endpoint could not be reached: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
}
