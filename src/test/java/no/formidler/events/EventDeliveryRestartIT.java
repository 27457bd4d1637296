package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import no.formidler.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** Events pending when the broker is killed (kill -9) are all delivered, in order, after it starts again. */
class EventDeliveryRestartIT {

    @Test
    void eventsPendingAtAKillArriveInOrderAfterARestartAndAFeedCursorStillWorks() throws Exception {
        Path dataDir = Files.createTempDirectory("formidler-events-restart-");
        int port = BrokerProcess.freePort();
        Map<String, String> properties = SubscribedSender.brokerProperties(port,
                Map.of("formidler.events.max-retry-interval", "1s"));
        List<String> transfers = new ArrayList<>();
        String senderEvents;
        String nextPage;
        String secret;
        List<String> firstPage = new ArrayList<>();
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            CountDownLatch refused = new CountDownLatch(1);
            hook.answer = type -> {
                if (type.startsWith("platform.")) {
                    return 200;
                }
                refused.countDown();
                return 500;
            };
            try (BrokerProcess broker = BrokerProcess.start(dataDir, port, properties)) {
                BrokerClient client = new BrokerClient(broker.baseUrl());
                SubscribedSender cast = SubscribedSender.on(client, hook, "events-restart");
                senderEvents = cast.senderEvents();
                secret = cast.secret();

                for (int i = 0; i < 3; i++) {
                    String id = cast.initialize(client, "f" + i + ".txt");
                    assertThat(client.post("/broker/api/v1/filetransfer/" + id + "/upload", cast.senderToken(),
                            HttpRequest.BodyPublishers.ofString("content " + i), "Content-Type", "application/octet-stream")
                            .status()).isEqualTo(200);
                    transfers.add(id);
                }
                var page = client.get("/events/api/v1/events?resource=urn:altinn:resource:" + cast.resource() + "&size=2", senderEvents);
                page.json().forEach(e -> firstPage.add(e.get("id").asString()));
                String link = page.header("Link");
                nextPage = link.substring(link.indexOf("/events/api/v1/events"), link.indexOf('>'));

                assertThat(refused.await(30, TimeUnit.SECONDS)).isTrue();
                broker.kill();
            }
            hook.answer = type -> 200;
            try (BrokerProcess broker = BrokerProcess.start(dataDir, port, properties)) {
                List<WebhookReceiver.Delivery> got = hook.accepted(6, Duration.ofSeconds(60));
                List<String> expected = new ArrayList<>();
                transfers.forEach(t -> {
                    expected.add("no.altinn.broker.filetransferinitialized " + t);
                    expected.add("no.altinn.broker.published " + t);
                });
                assertThat(got).extracting(d -> d.type() + " " + d.json().get("resourceinstance").asString())
                        .containsExactlyElementsOf(expected);
                assertThat(got).allSatisfy(d -> assertThat(d.signedWith(secret)).isTrue());

                BrokerClient client = new BrokerClient(broker.baseUrl());
                assertThat(firstPage).containsExactly(got.get(0).id(), got.get(1).id());
                var rest = client.get(nextPage.replace("size=2", "size=10"), senderEvents);
                assertThat(rest.status()).as("a cursor from before the restart").isEqualTo(200);
                List<String> restIds = new ArrayList<>();
                rest.json().forEach(e -> restIds.add(e.get("id").asString()));
                assertThat(restIds).containsExactlyElementsOf(got.subList(2, 6).stream().map(WebhookReceiver.Delivery::id).toList());
                broker.stop();
            }
        }
    }
}
