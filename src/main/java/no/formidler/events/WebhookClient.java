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
    private final PinnedHttpPost pinned;
    private final Duration timeout;

    WebhookClient(EventProperties properties) {
        this.timeout = properties.requestTimeout();
        this.pinned = new PinnedHttpPost(EventPost.CONNECT_TIMEOUT, timeout);
    }

    /** A webhook delivery: to exactly the address the guard checked. Empty on success, else why it failed. */
    Optional<String> post(EndpointGuard.Endpoint endpoint, byte[] body, String... headers) {
        try {
            int status = pinned.post(endpoint, CloudEvents.MEDIA_TYPE, body, headers);
            return EventPost.answered(status);
        } catch (java.net.SocketTimeoutException e) {
            return EventPost.timedOut(timeout);
        } catch (IOException e) {
            return EventPost.unreachable(e);
        }
    }
}
