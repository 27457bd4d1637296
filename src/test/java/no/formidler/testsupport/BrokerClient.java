package no.formidler.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the running broker with the JDK HttpClient, as a Broker client would make them. */
public final class BrokerClient {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final boolean trailingSlash;

    public BrokerClient(String baseUrl) {
        this(baseUrl, false);
    }

    private BrokerClient(String baseUrl, boolean trailingSlash) {
        this.baseUrl = baseUrl;
        this.trailingSlash = trailingSlash;
    }

    /** The same client, but every path it sends ends in a slash (before the query), as eFormidling's client sends. */
    public BrokerClient withTrailingSlash() {
        return new BrokerClient(baseUrl, true);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A request builder for {@code path} with the bearer token (none when {@code token} is null) and headers. */
    public HttpRequest.Builder request(String path, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + withSlash(path))).timeout(Duration.ofMinutes(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private String withSlash(String path) {
        if (!trailingSlash) {
            return path;
        }
        int query = path.indexOf('?');
        return query < 0 ? path + "/" : path.substring(0, query) + "/" + path.substring(query);
    }

    public Response get(String path, String token, String... headers) {
        return send(request(path, token, headers).GET().build());
    }

    public Response postJson(String path, String token, String json, String... headers) {
        return send(request(path, token, withContentType("application/json", headers))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response putJson(String path, String token, String json, String... headers) {
        return send(request(path, token, withContentType("application/json", headers))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response post(String path, String token, HttpRequest.BodyPublisher body, String... headers) {
        return send(request(path, token, headers).POST(body).build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String[] withContentType(String type, String[] headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (all.stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            all.add("Content-Type");
            all.add(type);
        }
        return all.toArray(String[]::new);
    }

    /** A response with its body as text, and JSON access when it is JSON. */
    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
