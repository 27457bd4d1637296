package no.formidler.altinn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP to the Altinn platform gateway: base URL, subscription key and the broker's bearer token on every call, and
 * the reference's retry policy (docs/compatibility.md §3): up to three retries after 100, 200 and 400 ms on 408, 429,
 * 500, 502, 503, 504, network errors and timeouts. The last answer (or empty, when the last attempt failed on the
 * network) is returned; what it means is the caller's business.
 */
class AltinnPlatformClient {
    static final List<Duration> BACKOFF = List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);
    private static final int MAX_BODY = 1024 * 1024;

    /** Waits between attempts; tests record the delays instead of sleeping. */
    interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    /** An answer: status and body text. */
    record Answer(int status, String body) {
        boolean ok() {
            return status == 200;
        }
    }

    private final HttpClient http;
    private final URI baseUrl;
    private final Optional<String> subscriptionKey;
    private final PlatformAccessToken accessToken;
    private final Duration timeout;
    private final Sleeper sleeper;

    AltinnPlatformClient(HttpClient http, URI baseUrl, Optional<String> subscriptionKey, PlatformAccessToken accessToken,
                         Duration timeout, Sleeper sleeper) {
        this.http = http;
        this.baseUrl = baseUrl.toString().endsWith("/") ? baseUrl : URI.create(baseUrl + "/");
        this.subscriptionKey = subscriptionKey.filter(k -> !k.isBlank());
        this.accessToken = accessToken;
        this.timeout = timeout;
        this.sleeper = sleeper;
    }

    Optional<Answer> get(String path) {
        return send(path, builder -> builder.GET());
    }

    Optional<Answer> postJson(String path, String json) {
        return send(path, builder -> builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Optional<Answer> send(String path, java.util.function.UnaryOperator<HttpRequest.Builder> method) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        subscriptionKey.ifPresent(k -> builder.header("Ocp-Apim-Subscription-Key", k));
        accessToken.current().ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        HttpRequest request = method.apply(builder).build();
        Optional<Answer> answer = Optional.empty();
        for (int attempt = 0; attempt <= BACKOFF.size(); attempt++) {
            if (attempt > 0 && !pause(BACKOFF.get(attempt - 1))) {
                return answer;
            }
            answer = attempt(request);
            if (answer.isPresent() && !RETRYABLE.contains(answer.get().status())) {
                return answer;
            }
        }
        return answer;
    }

    private Optional<Answer> attempt(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            // Altinn's answers are small; anything larger is not an answer we can use.
            String text = body == null || body.length > MAX_BODY ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
            return Optional.of(new Answer(response.statusCode(), text));
        } catch (IOException e) {   // network errors and HttpTimeoutException
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private boolean pause(Duration delay) {
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
