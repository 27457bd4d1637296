package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Not part of the normal run (the name does not end in Test): measures how long after the last of 1,000 publishes
 * the sender's webhook has all 2,000 events. Run with {@code mvn -o test -Dtest=DeliveryLatencyMeasurement}.
 */
class DeliveryLatencyMeasurement extends ApiTest {

    @Test
    void thousandPublishedTransfersReachTheWebhookWithinTenSecondsOfTheLastPublish() throws Exception {
        EventCast cast = new EventCast(scenario());
        var s = cast.s;
        int transfers = Integer.getInteger("transfers", 1000);
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            cast.subscribed(cast.senderEvents, hook, s.sender);
            // -Dbacklog=true: the receiver refuses events while they are published, so all 2,000 wait in the outbox
            // and the measured time is how fast a backlog drains (after at most one retry interval).
            boolean backlog = Boolean.getBoolean("backlog");
            if (backlog) {
                hook.answer = type -> 503;
            }
            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<String>> published = new java.util.ArrayList<>();
            for (int i = 0; i < transfers; i++) {
                published.add(clients.submit(() -> s.publish("x".getBytes(StandardCharsets.UTF_8))));
            }
            for (Future<String> f : published) {
                f.get();
            }
            long lastPublish = System.nanoTime();
            clients.shutdown();
            hook.answer = type -> 200;
            hook.accepted(2 * transfers, Duration.ofSeconds(120));
            long done = System.nanoTime();
            double publishSeconds = (lastPublish - start) / 1e9;
            double lagSeconds = (done - lastPublish) / 1e9;
            System.out.printf("MEASURED: %d transfers published in %.1f s; all %d events delivered %.2f s after the last publish%n",
                    transfers, publishSeconds, 2 * transfers, lagSeconds);
            assertThat(lagSeconds).isLessThan(10);
        }
    }
}
