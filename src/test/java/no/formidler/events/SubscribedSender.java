package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.WebhookReceiver;

/**
 * The cast of the events tests that run the broker as its own process and kill it: a service owner, a resource whose
 * rules let the sender write, read and subscribe and the recipient read, and the sender's webhook subscription to it
 * with its validation handshake received; tokens come from the broker's development issuer.
 */
record SubscribedSender(String sender, String recipient, String resource, String senderToken, String senderEvents,
                        String secret) {

    /** What such a broker starts with: webhooks to loopback allowed, quick first retry, plus {@code more}. */
    static Map<String, String> brokerProperties(int port, Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "formidler.events.allow-private-endpoints", "true",
                "formidler.events.first-retry", "200ms",
                "formidler.public-base-url", "http://127.0.0.1:" + port));
        properties.putAll(more);
        return Map.copyOf(properties);
    }

    /** Sets up the owner, {@code resource} and its policy, subscribes {@code hook} and waits for the handshake. */
    static SubscribedSender on(BrokerClient client, WebhookReceiver hook, String resource) throws InterruptedException {
        String owner = Scenario.randomOrg();
        String sender = Scenario.randomOrg();
        String recipient = Scenario.randomOrg();
        String ownerToken = token(client, owner, Scenario.SERVICE_OWNER);
        String senderToken = token(client, sender, Scenario.WRITE + " " + Scenario.READ);
        String senderEvents = token(client, sender, EventCast.SUBSCRIBE);
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
        return new SubscribedSender(sender, recipient, resource, senderToken, senderEvents,
                subscription.json().get("secret").asString());
    }

    /** Initializes a transfer of {@code fileName} from the sender to the recipient; returns its id. */
    String initialize(BrokerClient client, String fileName) {
        var initialized = client.postJson("/broker/api/v1/filetransfer", senderToken, """
                {"fileName":"%s","resourceId":"%s","sendersFileTransferReference":"r","sender":"0192:%s",
                 "recipients":["0192:%s"]}""".formatted(fileName, resource, sender, recipient));
        assertThat(initialized.status()).as(initialized.toString()).isEqualTo(200);
        return initialized.json().get("fileTransferId").asString();
    }

    private static String token(BrokerClient client, String org, String scopes) {
        var response = client.get("/dev/tokens/enterprise?orgNo=" + org + "&scopes="
                + URLEncoder.encode(scopes, StandardCharsets.UTF_8), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }
}
