package no.formidler.altinn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import no.formidler.events.EventPost;
import no.formidler.events.OutboxFeed;

/**
 * {@code POST <platform>/events/api/v1/events}: one CloudEvent to Altinn Events, a configured platform address (not a
 * subscriber's, so no endpoint guard). Any 2xx is success; anything else is a failure described in words.
 */
class AltinnEventsEndpoint {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(EventPost.CONNECT_TIMEOUT)
            .build();
    private final String url;
    private final Duration timeout;

    AltinnEventsEndpoint(String platformUrl, Duration timeout) {
        this.url = platformUrl.replaceAll("/+$", "") + "/events/api/v1/events";
        this.timeout = timeout;
    }

    /** The longest one {@link #post} can take. */
    Duration longest() {
        return EventPost.longest(timeout);
    }

    /** Empty on success, else why it failed. */
    Optional<String> post(byte[] cloudEvent, Optional<String> bearer) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", OutboxFeed.MEDIA_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(cloudEvent));
            bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return EventPost.answered(response.statusCode());
        } catch (HttpTimeoutException e) {
            return EventPost.timedOut(timeout);
        } catch (IOException e) {
            return EventPost.unreachable(e);
        } catch (IllegalArgumentException e) {
            return Optional.of("The endpoint is not a valid URL.");
        }
    }
}
