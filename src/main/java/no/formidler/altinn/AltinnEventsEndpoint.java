package no.formidler.altinn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import no.formidler.events.OutboxFeed;

/**
 * {@code POST <platform>/events/api/v1/events}: one CloudEvent to Altinn Events, a configured platform address (not a
 * subscriber's, so no endpoint guard). Any 2xx is success; anything else is a failure described in words.
 */
class AltinnEventsEndpoint {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String url;
    private final Duration timeout;

    AltinnEventsEndpoint(String platformUrl, Duration timeout) {
        this.url = platformUrl.replaceAll("/+$", "") + "/events/api/v1/events";
        this.timeout = timeout;
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
            int status = response.statusCode();
            return status / 100 == 2 ? Optional.empty() : Optional.of("The endpoint answered HTTP " + status + ".");
        } catch (HttpTimeoutException e) {
            return Optional.of("The endpoint did not answer within " + timeout.toSeconds() + " s.");
        } catch (IOException e) {
            return Optional.of("The endpoint could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            return Optional.of("The endpoint is not a valid URL.");
        }
    }
}
