package no.formidler.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries against a scripted HTTP server (the broker cannot be made to answer 503 on demand): which answers are
 * repeated, how long the client waits, and which requests are never sent twice.
 */
class RetryTest {
    private HttpServer server;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private BrokerClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = BrokerClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .tokens(TokenProvider.fixed("t")).retry(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50)))
                .build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private final java.util.List<Integer> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        bodies.add(exchange.getRequestBody().readAllBytes().length);
        int status = script.isEmpty() ? 200 : script.removeFirst();
        byte[] body = status == 200
                ? ("{\"fileTransferId\":\"" + UUID.randomUUID() + "\",\"fileTransferSize\":1,\"fileTransferStatus\":\"Published\"}")
                .getBytes(StandardCharsets.UTF_8)
                : "{\"status\":%d,\"code\":\"BRO-X\",\"detail\":\"scripted\",\"traceId\":\"00-abc-01\"}".formatted(status)
                .getBytes(StandardCharsets.UTF_8);
        if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "1");
        }
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void aReadIsRepeatedAfter5xxAndSucceeds() {
        script.addAll(java.util.List.of(503, 502));
        assertThat(client.overview(UUID.randomUUID()).fileTransferStatus()).isEqualTo("Published");
        assertThat(requests).hasValue(3);
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterEvenOnAWrite() {
        script.add(429);
        long start = System.nanoTime();
        client.initialize(FileTransferRequest.of("a", "r", "0192:991825827", java.util.List.of("0192:986252932")));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(requests).hasValue(2);
    }

    @Test
    void aFileUploadRefusedWith429IsSentAgainWhole(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("f.bin"), new byte[100_000]);
        script.add(429);
        client.upload(UUID.randomUUID(), file);
        assertThat(bodies).containsExactly(100_000, 100_000);
    }

    @Test
    void aStreamUploadRefusedWith429IsNotSentAgain() {
        script.add(429);
        assertThatThrownBy(() -> client.upload(UUID.randomUUID(), new java.io.ByteArrayInputStream(new byte[1000]), 1000,
                ProgressListener.NONE)).isInstanceOfSatisfying(BrokerProblemException.class, p -> assertThat(p.status()).isEqualTo(429));
        assertThat(requests).hasValue(1);
    }

    @Test
    void aWriteIsNotRepeatedAfter5xx() {
        script.add(503);
        assertThatThrownBy(() -> client.initialize(FileTransferRequest.of("a", "r", "0192:991825827",
                java.util.List.of("0192:986252932"))))
                .isInstanceOfSatisfying(BrokerProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(503);
                    assertThat(p.traceId()).isEqualTo("00-abc-01");
                });
        assertThat(requests).hasValue(1);
    }

    @Test
    void aReadGivesUpAfterItsAttempts() {
        script.addAll(java.util.List.of(500, 500, 500, 500, 500));
        assertThatThrownBy(() -> client.overview(UUID.randomUUID())).isInstanceOf(BrokerProblemException.class);
        assertThat(requests).hasValue(4);
    }

    @Test
    void aBrokerThatIsNotListeningIsUnreachable() {
        server.stop(0);
        assertThatThrownBy(() -> client.overview(UUID.randomUUID())).isInstanceOf(BrokerUnreachableException.class);
    }
}
