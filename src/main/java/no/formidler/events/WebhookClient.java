package no.formidler.events;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * POSTs one CloudEvent to a webhook. Any 2xx is success; any other status, a timeout or a network error is a
 * failure described in words the subscriber can act on. Redirects are not followed (they could lead past the guard).
 */
@Component
class WebhookClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private final PinnedHttpPost pinned;
    private final Duration timeout;

    WebhookClient(EventProperties properties) {
        this.timeout = properties.requestTimeout();
        this.pinned = new PinnedHttpPost(CONNECT_TIMEOUT, timeout);
    }

    /** A webhook delivery: to exactly the address the guard checked. Empty on success, else why it failed. */
    Optional<String> post(EndpointGuard.Endpoint endpoint, byte[] body, String... headers) {
        try {
            int status = pinned.post(endpoint, CloudEvents.MEDIA_TYPE, body, headers);
            return status / 100 == 2 ? Optional.empty() : Optional.of("The endpoint answered HTTP " + status + ".");
        } catch (java.net.SocketTimeoutException e) {
            return Optional.of("The endpoint did not answer within " + timeout.toSeconds() + " s.");
        } catch (IOException e) {
            return Optional.of("The endpoint could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
