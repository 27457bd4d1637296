package no.formidler.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every request goes through here: the bearer token, timeouts, retries where the operation is safe to repeat, and
 * problem details turned into {@link BrokerProblemException}. Bodies are streams; nothing here buffers a file.
 */
final class BrokerHttp {
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private final HttpClient http;
    private final String baseUrl;
    private final TokenProvider tokens;
    private final RetryPolicy retry;
    private final Duration requestTimeout;
    private final String subscriptionKey;

    BrokerHttp(HttpClient http, String baseUrl, TokenProvider tokens, RetryPolicy retry, Duration requestTimeout,
               String subscriptionKey) {
        this.http = http;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.tokens = tokens;
        this.retry = retry;
        this.requestTimeout = requestTimeout;
        this.subscriptionKey = subscriptionKey;
    }

    /**
     * Whether a request may be sent again: {@code SAFE} after any failure (reads, idempotent writes); {@code ONCE}
     * only when it was not processed (429, refused connection); {@code SINGLE_BODY} never, as its body is a stream
     * that cannot be read twice.
     */
    enum Safety { SAFE, ONCE, SINGLE_BODY }

    URI uri(String pathAndQuery) {
        return URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : baseUrl + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(requestTimeout)
                .header("Authorization", "Bearer " + tokens.token());
        if (subscriptionKey != null) {
            builder.header("Ocp-Apim-Subscription-Key", subscriptionKey);
        }
        return builder;
    }

    HttpRequest.Builder request(String pathAndQuery, Duration timeout) {
        return request(pathAndQuery).timeout(timeout);
    }

    /** Sends, retrying as {@code safety} allows; answers 2xx/3xx with an open body, else throws. */
    HttpResponse<InputStream> send(Supplier<HttpRequest> request, Safety safety) {
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= retry.maxAttempts();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.get(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                // A refused connection never reached the broker, so even a non-idempotent request may go again.
                boolean repeatable = safety == Safety.SAFE || (safety == Safety.ONCE && e instanceof ConnectException);
                if (last || !repeatable) {
                    throw new BrokerUnreachableException("The broker could not be reached: " + e, e);
                }
                pause(retry.backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerUnreachableException("Interrupted", new IOException(e));
            }
            int status = response.statusCode();
            if (status < 400) {
                return response;
            }
            // 429 means the request was not processed, so it is always safe to send again.
            boolean retriable = (status == 429 && safety != Safety.SINGLE_BODY) || (status >= 500 && safety == Safety.SAFE);
            if (retriable && !last) {
                Duration wait = max(retry.backoff(attempt), retryAfter(response));
                close(response);
                pause(wait);
                continue;
            }
            throw problem(response);
        }
    }

    <T> T json(Supplier<HttpRequest> request, Safety safety, Class<T> type) {
        return read(send(request, safety), body -> Json.MAPPER.readValue(body, type));
    }

    <T> T json(Supplier<HttpRequest> request, Safety safety, TypeReference<T> type) {
        return read(send(request, safety), body -> Json.MAPPER.readValue(body, type));
    }

    String text(Supplier<HttpRequest> request, Safety safety) {
        return read(send(request, safety), body -> new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }

    void discard(Supplier<HttpRequest> request, Safety safety) {
        close(send(request, safety));
    }

    static HttpRequest.BodyPublisher jsonBody(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    static <T> T read(HttpResponse<InputStream> response, BodyReader<T> reader) {
        try (InputStream body = response.body()) {
            return reader.read(body);
        } catch (IOException e) {
            throw new BrokerUnreachableException("The broker's answer broke off: " + e, e);
        }
    }

    static BrokerProblemException problem(HttpResponse<InputStream> response) {
        String text;
        try (InputStream body = response.body()) {
            text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        return problemOf(response.statusCode(), text, null);
    }

    /** A problem-details body as an exception; any other body becomes the detail. */
    static BrokerProblemException problemOf(int status, String text, String fallbackTitle) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node != null && node.isObject()) {
                String title = field(node, "title");
                return new BrokerProblemException(status, field(node, "code"), title != null ? title : fallbackTitle,
                        field(node, "detail") != null ? field(node, "detail") : field(node, "error_description"),
                        field(node, "traceId"), errors(node.get("errors")));
            }
        } catch (IOException e) {
            // not JSON: the text itself is the detail
        }
        return new BrokerProblemException(status, null, fallbackTitle, text.isBlank() ? null : text.strip(), null);
    }

    private static Map<String, List<String>> errors(JsonNode errors) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        if (errors != null && errors.isObject()) {
            errors.fields().forEachRemaining(entry -> {
                List<String> messages = new ArrayList<>();
                entry.getValue().forEach(message -> messages.add(message.asText()));
                byField.put(entry.getKey(), messages);
            });
        }
        return byField;
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        try {
            return header.map(value -> Duration.ofSeconds(Long.parseLong(value.trim()))).orElse(Duration.ZERO);
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1); // an HTTP date: waiting a second is close enough for a client
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing to keep
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnreachableException("Interrupted while waiting to retry", new IOException(e));
        }
    }
}
