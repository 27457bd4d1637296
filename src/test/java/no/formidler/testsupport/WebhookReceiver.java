package no.formidler.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A webhook endpoint as a subscriber runs it (JDK HttpServer on 127.0.0.1): records every POST it gets, answers
 * with the status {@link #answer} picks, and can verify Standard Webhooks signatures.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One POST as received, with the status it was answered with. */
    public record Delivery(String webhookId, String timestamp, String signature, String contentType, byte[] body,
                           int answered) {
        public JsonNode json() {
            return BrokerClient.JSON.readTree(body);
        }

        public String type() {
            return json().get("type").asString();
        }

        public String id() {
            return json().get("id").asString();
        }

        /** Checks {@code v1,<base64 HMAC-SHA256(id.timestamp.body)>} with a {@code whsec_} secret. */
        public boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
                String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
                return List.of(signature.split(" ")).contains(expected);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Delivery> arrivals = new LinkedBlockingQueue<>();
    private final List<Delivery> all = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Picks the answer from the event's type (as received); 200 unless set. */
    public volatile Function<String, Integer> answer = type -> 200;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                var h = exchange.getRequestHeaders();
                String type = BrokerClient.JSON.readTree(body).path("type").asString();
                int status = receiver.answer.apply(type);
                Delivery d = new Delivery(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                        h.getFirst("webhook-signature"), h.getFirst("Content-Type"), body, status);
                receiver.all.add(d);
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                receiver.arrivals.add(d);
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code n} accepted (2xx) deliveries, waiting up to {@code timeout} in all. */
    public List<Delivery> accepted(int n, Duration timeout) throws InterruptedException {
        List<Delivery> got = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < n) {
            Delivery d = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (d == null) {
                throw new AssertionError("Got " + got.size() + " of " + n + " deliveries: " + got.stream().map(Delivery::type).toList());
            }
            if (d.answered() / 100 == 2) {
                got.add(d);
            }
        }
        return got;
    }

    /** True if no further delivery arrives within {@code quiet}. */
    public boolean nothingMoreWithin(Duration quiet) throws InterruptedException {
        return arrivals.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    public List<Delivery> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
