package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
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
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Events pending when the broker is killed (kill -9) are all delivered, in order, after it starts again. */
class EventDeliveryRestartIT {

    @Test
    void eventsPendingAtAKillArriveInOrderAfterARestartAndAFeedCursorStillWorks() throws Exception {
        Path dataDir = Files.createTempDirectory("formidler-events-restart-");
        int port = BrokerProcess.freePort();
        Map<String, String> properties = Map.of(
                "formidler.events.allow-private-endpoints", "true",
                "formidler.events.first-retry", "200ms",
                "formidler.events.max-retry-interval", "1s",
                "formidler.public-base-url", "http://127.0.0.1:" + port);
        String owner = Scenario.randomOrg();
        String sender = Scenario.randomOrg();
        String recipient = Scenario.randomOrg();
        String resource = "events-restart";
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
                String ownerToken = token(client, owner, "altinn:serviceowner");
                String senderToken = token(client, sender, "altinn:broker.write altinn:broker.read");
                senderEvents = token(client, sender, "altinn:events.subscribe");
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
                secret = subscription.json().get("secret").asString();
                hook.accepted(1, Duration.ofSeconds(20));

                for (int i = 0; i < 3; i++) {
                    var initialized = client.postJson("/broker/api/v1/filetransfer", senderToken, """
                            {"fileName":"f%d.txt","resourceId":"%s","sendersFileTransferReference":"r","sender":"0192:%s",
                             "recipients":["0192:%s"]}""".formatted(i, resource, sender, recipient));
                    assertThat(initialized.status()).as(initialized.toString()).isEqualTo(200);
                    String id = initialized.json().get("fileTransferId").asString();
                    assertThat(client.post("/broker/api/v1/filetransfer/" + id + "/upload", senderToken,
                            HttpRequest.BodyPublishers.ofString("content " + i), "Content-Type", "application/octet-stream")
                            .status()).isEqualTo(200);
                    transfers.add(id);
                }
                var page = client.get("/events/api/v1/events?resource=urn:altinn:resource:" + resource + "&size=2", senderEvents);
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

    private static String token(BrokerClient client, String org, String scopes) {
        var response = client.get("/dev/tokens/enterprise?orgNo=" + org + "&scopes="
                + URLEncoder.encode(scopes, StandardCharsets.UTF_8), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }
}
