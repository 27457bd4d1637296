package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import no.formidler.testsupport.Scenario;
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
        Map<String, String> properties = Map.of(
                "formidler.events.allow-private-endpoints", "true",
                "formidler.events.first-retry", "200ms",
                "formidler.public-base-url", "http://127.0.0.1:" + port);
        String owner = Scenario.randomOrg();
        String sender = Scenario.randomOrg();
        String recipient = Scenario.randomOrg();
        String resource = "lease-handover";
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
                String ownerToken = token(client, owner, "altinn:serviceowner");
                String senderToken = token(client, sender, "altinn:broker.write altinn:broker.read");
                String senderEvents = token(client, sender, "altinn:events.subscribe");
                assertThat(client.postJson("/broker/api/v1/serviceowner", ownerToken, "{\"name\":\"Owner\"}").status()).isEqualTo(200);
                assertThat(client.putJson("/broker/api/v1/resource/" + resource, ownerToken, "{}").status()).isEqualTo(204);
                assertThat(client.putJson("/broker/api/v1/resource/" + resource + "/policy", ownerToken, """
                        {"rules":[{"subjects":["0192:%s"],"actions":["write","read","subscribe"]},
                                  {"subjects":["0192:%s"],"actions":["read"]}]}""".formatted(sender, recipient)).status())
                        .isEqualTo(200);
                var subscription = client.postJson("/events/api/v1/subscriptions", senderEvents, """
                        {"endPoint":"%s","resourceFilter":"urn:altinn:resource:%s",
                         "subjectFilter":"urn:altinn:organization:identifier-no:%s"}""".formatted(hook.url(), resource, sender));
                assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
                hook.accepted(1, Duration.ofSeconds(20)); // the validation handshake
                hold.set(true);
                var initialized = client.postJson("/broker/api/v1/filetransfer", senderToken, """
                        {"fileName":"f.txt","resourceId":"%s","sendersFileTransferReference":"r","sender":"0192:%s",
                         "recipients":["0192:%s"]}""".formatted(resource, sender, recipient));
                assertThat(initialized.status()).as(initialized.toString()).isEqualTo(200);
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

    private static String token(BrokerClient client, String org, String scopes) {
        var response = client.get("/dev/tokens/enterprise?orgNo=" + org + "&scopes="
                + URLEncoder.encode(scopes, StandardCharsets.UTF_8), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }
}
