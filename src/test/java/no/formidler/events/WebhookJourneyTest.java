package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Subscribers get exactly their own events of a whole journey (docs/compatibility.md §7), in order, signed; the feed
 * agrees.
 */
class WebhookJourneyTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void senderAndRecipientGetExactlyTheirJourneyEventsInOrderWithValidSignatures() throws Exception {
        EventCast cast = new EventCast(scenario());
        var s = cast.s;
        try (WebhookReceiver senderHook = WebhookReceiver.start(); WebhookReceiver recipientHook = WebhookReceiver.start()) {
            JsonNode senderSub = cast.subscribed(cast.senderEvents, senderHook, s.sender);
            JsonNode recipientSub = cast.subscribed(cast.recipient1Events, recipientHook, s.recipient1);
            assertThat(senderSub.get("validated").asBoolean()).isFalse();
            assertThat(senderSub.get("secret").asString()).startsWith("whsec_");
            assertThat(senderSub.get("createdBy").asString()).isEqualTo("/organisation/" + s.sender);

            String id = s.publish("events!".getBytes(StandardCharsets.UTF_8));
            assertThat(s.download(id, s.recipient1Token).status()).isEqualTo(200);
            assertThat(s.confirm(id, s.recipient1Token).status()).isEqualTo(204);
            assertThat(s.download(id, s.recipient2Token).status()).isEqualTo(200);
            assertThat(s.confirm(id, s.recipient2Token).status()).isEqualTo(204);

            List<WebhookReceiver.Delivery> toSender = senderHook.accepted(5, WAIT);
            assertThat(toSender).extracting(WebhookReceiver.Delivery::type).containsExactly(
                    "no.altinn.broker.filetransferinitialized", "no.altinn.broker.published",
                    "no.altinn.broker.downloadconfirmed", "no.altinn.broker.downloadconfirmed",
                    "no.altinn.broker.allconfirmeddownloaded");
            List<WebhookReceiver.Delivery> toRecipient = recipientHook.accepted(2, WAIT);
            assertThat(toRecipient).extracting(WebhookReceiver.Delivery::type).containsExactly(
                    "no.altinn.broker.published", "no.altinn.broker.downloadconfirmed");
            assertThat(senderHook.nothingMoreWithin(Duration.ofMillis(500))).isTrue();
            assertThat(recipientHook.nothingMoreWithin(Duration.ofMillis(100))).isTrue();

            String senderSecret = senderSub.get("secret").asString();
            assertThat(toSender).allSatisfy(d -> {
                assertThat(d.signedWith(senderSecret)).as("signature of " + d.type()).isTrue();
                assertThat(d.webhookId()).isEqualTo(d.id());
                assertThat(d.contentType()).isEqualTo("application/cloudevents+json");
                JsonNode e = d.json();
                assertThat(e.get("specversion").asString()).isEqualTo("1.0");
                assertThat(e.get("source").asString()).isEqualTo("http://localhost:8080/broker/api/v1/filetransfer");
                assertThat(e.get("resource").asString()).isEqualTo(cast.resourceUrn());
                assertThat(e.get("resourceinstance").asString()).isEqualTo(id);
                assertThat(e.get("subject").asString()).isEqualTo("urn:altinn:organization:identifier-no:" + s.sender);
                assertThat(e.get("data").get("role").asString()).isEqualTo("Sender");
                assertThat(e.get("data").get("Role").asString()).isEqualTo("Sender");
                assertThat(e.get("time").asString()).isNotBlank();
            });
            String recipientSecret = recipientSub.get("secret").asString();
            assertThat(toRecipient).allSatisfy(d -> {
                assertThat(d.signedWith(recipientSecret)).isTrue();
                assertThat(d.signedWith(senderSecret)).isFalse();
                assertThat(d.json().get("subject").asString()).endsWith(s.recipient1);
                assertThat(d.json().get("data").get("Role").asString()).isEqualTo("Recipient");
            });

            JsonNode shown = s.client.get("/events/api/v1/subscriptions/" + senderSub.get("id").asLong(), cast.senderEvents).json();
            assertThat(shown.get("validated").asBoolean()).isTrue();
            assertThat(shown.has("secret")).as("the secret is shown only once").isFalse();
            assertThat(shown.get("delivery").get("state").asString()).isEqualTo("Healthy");

            assertThat(feed(cast, cast.senderEvents, 2)).containsExactlyElementsOf(
                    toSender.stream().map(WebhookReceiver.Delivery::id).toList());
            assertThat(feed(cast, cast.recipient1Events, 1)).containsExactlyElementsOf(
                    toRecipient.stream().map(WebhookReceiver.Delivery::id).toList());
            cast.delete(cast.senderEvents, senderSub);
            cast.delete(cast.recipient1Events, recipientSub);
        }
    }

    @Test
    void theServiceOwnerSubscribesWithoutSubjectFilterAndGetsEveryPartysEvents() throws Exception {
        EventCast cast = new EventCast(scenario());
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            JsonNode sub = cast.subscribed(cast.ownerEvents, hook, null);
            cast.s.publish("x".getBytes(StandardCharsets.UTF_8));
            List<WebhookReceiver.Delivery> got = hook.accepted(4, WAIT);
            assertThat(got).extracting(d -> d.type() + "/" + d.json().get("data").get("role").asString()).containsExactly(
                    "no.altinn.broker.filetransferinitialized/Sender", "no.altinn.broker.published/Sender",
                    "no.altinn.broker.published/Recipient", "no.altinn.broker.published/Recipient");
            cast.delete(cast.ownerEvents, sub);
        }
    }

    /** Every event id of the caller's feed, following rel=next links page by page. */
    static List<String> feed(EventCast cast, String token, int size) {
        List<String> ids = new ArrayList<>();
        String path = "/events/api/v1/events?resource=" + cast.resourceUrn() + "&size=" + size;
        for (int pages = 0; pages < 50; pages++) {
            var page = cast.s.client.get(path, token);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode events = page.json();
            assertThat(events.size()).isLessThanOrEqualTo(size);
            if (events.isEmpty()) {
                return ids;
            }
            events.forEach(e -> ids.add(e.get("id").asString()));
            String link = page.header("Link");
            assertThat(link).endsWith("; rel=\"next\"");
            path = link.substring(link.indexOf("/events/api/v1/events"), link.indexOf('>'));
        }
        throw new AssertionError("The feed did not end");
    }
}
