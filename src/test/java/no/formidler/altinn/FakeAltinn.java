package no.formidler.altinn;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Altinn platform gateway for contract tests: a JDK HttpServer on loopback that records every request and
 * answers each path with scripted responses (the last one repeats). A response may hang until {@link #close()}.
 */
final class FakeAltinn implements AutoCloseable {
    record Recorded(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Reply(int status, String body, boolean hang) {
        static Reply json(int status, String body) {
            return new Reply(status, body, false);
        }

        static Reply hanging() {
            return new Reply(200, "", true);
        }
    }

    final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ConcurrentLinkedQueue<Reply>> replies = new ConcurrentHashMap<>();
    private final Map<String, Reply> lastReplies = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpServer server;

    FakeAltinn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath().substring(1);
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Recorded(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Reply reply = next(path + (query == null ? "" : "?" + query)).or(() -> next(path)).orElse(Reply.json(404, ""));
            if (reply.hang()) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    /** Answers requests to {@code path} (with its raw query, or without to answer any query) with these replies in turn, the last one from then on. */
    FakeAltinn on(String path, Reply... script) {
        replies.put(path, new ConcurrentLinkedQueue<>(List.of(script)));
        lastReplies.put(path, script[script.length - 1]);
        return this;
    }

    private Optional<Reply> next(String path) {
        ConcurrentLinkedQueue<Reply> queue = replies.get(path);
        if (queue == null) {
            return Optional.empty();
        }
        Reply reply = queue.poll();
        return Optional.of(reply != null ? reply : lastReplies.get(path));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    AltinnPlatformClient client(Duration timeout) {
        return new AltinnPlatformClient(HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                Optional.of("subscription-key-1"), () -> Optional.of("broker-platform-token"), timeout, sleeps::add);
    }

    AltinnPlatformClient client() {
        return client(Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
