package no.formidler.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * POSTs one CloudEvent to a webhook. Any 2xx is success; any other status, a timeout or a network error is a
 * failure described in words the subscriber can act on. Redirects are not followed (they could lead past the guard).
 */
@Component
class WebhookClient {
    private final HttpClient http;
    private final PinnedHttpPost pinned;
    private final Duration timeout;

    WebhookClient(EventProperties properties) {
        this.timeout = properties.requestTimeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.pinned = new PinnedHttpPost(Duration.ofSeconds(5), timeout);
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

    /** A POST to a configured platform URL (Altinn Events), not a subscriber's. Empty on success, else why it failed. */
    Optional<String> post(String endPoint, byte[] body, String... headers) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endPoint))
                .timeout(timeout)
                .header("Content-Type", CloudEvents.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
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
