import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Time from the last of N publications until a local webhook receiver has all N `published` events. */
final class EventDelivery {
    private final Api api;

    EventDelivery(Api api) {
        this.api = api;
    }

    Map<String, Double> measure(int transfers) throws Exception {
        Map<String, Double> figures = new LinkedHashMap<>();
        AtomicInteger published = new AtomicInteger();
        AtomicLong lastArrival = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (body.contains("\"no.altinn.broker.published\"")) {
                    published.incrementAndGet();
                    lastArrival.set(System.nanoTime());
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        ExecutorService handlers = Executors.newFixedThreadPool(4);
        receiver.setExecutor(handlers);
        receiver.start();
        try {
            String subscription = """
                    {"endPoint":"http://127.0.0.1:%d/hook","resourceFilter":"urn:altinn:resource:%s",
                     "subjectFilter":"urn:altinn:organization:identifier-no:%s","typeFilter":"no.altinn.broker.published"}"""
                    .formatted(receiver.getAddress().getPort(), Api.RESOURCE, Api.RECIPIENT);
            var created = api.send(api.json("/events/api/v1/subscriptions", api.recipientToken, "POST", subscription));
            if (created.statusCode() / 100 != 2) {
                System.out.println("Event subscriptions are not available (" + created.statusCode() + "); skipped");
                return figures;
            }
            published.set(0);
            long lastPublish = publish(transfers);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (published.get() < transfers && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            figures.put("events_transfers", (double) transfers);
            figures.put("events_received", (double) published.get());
            figures.put("events_seconds_after_last_publish", Math.max(0, lastArrival.get() - lastPublish) / 1e9);
            return figures;
        } finally {
            receiver.stop(0);
            handlers.shutdownNow();
        }
    }

    /** Publishes {@code count} one-byte transfers from 16 clients; returns when the last upload answered. */
    private long publish(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger left = new AtomicInteger(count);
        AtomicLong last = new AtomicLong();
        try {
            var workers = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 16; i++) {
                workers.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        api.upload(api.initialize(), HttpRequest.BodyPublishers.ofByteArray(new byte[]{1}));
                        last.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                    return null;
                }));
            }
            for (var worker : workers) {
                worker.get();
            }
            return last.get();
        } finally {
            pool.shutdown();
        }
    }
}
