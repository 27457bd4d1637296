package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import no.formidler.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 9: a node that dies while delivering to a webhook holds the subscription's lease. The lease is
 * short and renewed while delivering, so another node (here: the broker started again) carries on within seconds,
 * not after the 90 s it took before.
 */
class DeliveryLeaseHandoverIT {
    private static final Duration HANDOVER = Duration.ofSeconds(25);

    @Test
    void aDeliveryInFlightWhenItsNodeDiesIsTakenOverSoon() throws Exception {
        Path dataDir = Files.createTempDirectory("formidler-lease-handover-");
        int port = BrokerProcess.freePort();
        Map<String, String> properties = SubscribedSender.brokerProperties(port, Map.of());
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            AtomicBoolean hold = new AtomicBoolean();
            CountDownLatch inFlight = new CountDownLatch(1);
            CountDownLatch released = new CountDownLatch(1);
            hook.answer = type -> {
                if (!type.startsWith("platform.") && hold.getAndSet(false)) {
                    inFlight.countDown();
                    try {
                        released.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 503; // its node is dead by now: this answer is never read
                }
                return 200;
            };
            try (BrokerProcess broker = BrokerProcess.start(dataDir, port, properties)) {
                BrokerClient client = new BrokerClient(broker.baseUrl());
                SubscribedSender cast = SubscribedSender.on(client, hook, "lease-handover");
                hold.set(true);
                cast.initialize(client, "f.txt");
                assertThat(inFlight.await(30, TimeUnit.SECONDS)).as("the delivery is in flight").isTrue();

                broker.kill();
            }
            released.countDown();
            try (BrokerProcess broker = BrokerProcess.start(dataDir, port, properties)) {
                Instant up = Instant.now();
                List<WebhookReceiver.Delivery> got = hook.accepted(1, Duration.ofSeconds(120));
                Duration waited = Duration.between(up, Instant.now());
                assertThat(got.get(0).type()).isEqualTo("no.altinn.broker.filetransferinitialized");
                assertThat(waited).as("taken over within the short lease, not after 90 s").isLessThan(HANDOVER);
            }
        }
    }
}
