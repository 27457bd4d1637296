package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.WebhookReceiver;
import tools.jackson.databind.JsonNode;

/** A {@link Scenario} whose rules also grant {@code subscribe}, with event-scoped tokens and subscription helpers. */
final class EventCast {
    static final String SUBSCRIBE = "altinn:events.subscribe";
    final Scenario s;
    final String senderEvents;
    final String recipient1Events;
    final String outsiderEvents;
    final String ownerEvents;

    EventCast(Scenario s) {
        this.s = s.ready();
        s.policy("""
                {"rules":[{"subjects":["0192:%s"],"actions":["write","read","subscribe"]},
                          {"subjects":["0192:%s","0192:%s"],"actions":["read","subscribe"]}]}"""
                .formatted(s.sender, s.recipient1, s.recipient2));
        senderEvents = s.issuer.enterprise(s.sender, SUBSCRIBE);
        recipient1Events = s.issuer.enterprise(s.recipient1, SUBSCRIBE);
        outsiderEvents = s.issuer.enterprise(s.outsider, SUBSCRIBE);
        ownerEvents = s.issuer.enterprise(s.owner, SUBSCRIBE + " " + Scenario.SERVICE_OWNER);
    }

    String resourceUrn() {
        return "urn:altinn:resource:" + s.resourceId;
    }

    BrokerClient.Response subscribe(String token, String endPoint, String subjectOrg) {
        String subject = subjectOrg == null ? "" : ",\"subjectFilter\":\"urn:altinn:organization:identifier-no:" + subjectOrg + "\"";
        return s.client.postJson("/events/api/v1/subscriptions", token,
                "{\"endPoint\":\"%s\",\"resourceFilter\":\"%s\"%s}".formatted(endPoint, resourceUrn(), subject));
    }

    /** Subscribes, checks the 201, and waits for the validation handshake to reach the receiver. */
    JsonNode subscribed(String token, WebhookReceiver receiver, String subjectOrg) throws InterruptedException {
        var response = subscribe(token, receiver.url(), subjectOrg);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        List<WebhookReceiver.Delivery> handshake = receiver.accepted(1, Duration.ofSeconds(10));
        assertThat(handshake.get(0).type()).isEqualTo("platform.events.validatesubscription");
        return response.json();
    }

    void delete(String token, JsonNode subscription) {
        s.client.send(s.client.request("/events/api/v1/subscriptions/" + subscription.get("id").asLong(), token)
                .DELETE().build());
    }
}
