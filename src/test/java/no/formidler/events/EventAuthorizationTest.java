package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Another organisation can neither subscribe to nor read a party's events, nor see its subscriptions. */
class EventAuthorizationTest extends ApiTest {

    @Test
    void anotherOrganisationCannotSubscribeToAPartysEvents() {
        EventCast cast = new EventCast(scenario());
        var s = cast.s;
        var asOther = cast.subscribe(cast.outsiderEvents, "http://127.0.0.1:9/hook", s.sender);
        assertThat(asOther.status()).as(asOther.toString()).isEqualTo(403);
        assertThat(asOther.json().get("detail").asString()).isNotBlank();
        assertThat(cast.subscribe(cast.outsiderEvents, "http://127.0.0.1:9/hook", s.outsider).status())
                .as("the rules do not grant the outsider subscribe").isEqualTo(403);
        assertThat(cast.subscribe(cast.senderEvents, "http://127.0.0.1:9/hook", null).status())
                .as("only the service owner may leave out the subject").isEqualTo(403);
        assertThat(cast.subscribe(cast.recipient1Events, "http://127.0.0.1:9/hook", s.sender).status())
                .as("a recipient cannot subscribe to the sender's events").isEqualTo(403);
        assertThat(cast.subscribe(s.senderToken, "http://127.0.0.1:9/hook", s.sender).status())
                .as("a token without altinn:events.subscribe").isEqualTo(403);
        assertThat(cast.subscribe(null, "http://127.0.0.1:9/hook", s.sender).status()).isEqualTo(401);
    }

    @Test
    void anotherOrganisationCannotReadAPartysFeed() {
        EventCast cast = new EventCast(scenario());
        var s = cast.s;
        s.publish("secret".getBytes(StandardCharsets.UTF_8));
        String feed = "/events/api/v1/events?resource=" + cast.resourceUrn();
        assertThat(s.client.get(feed + "&subject=urn:altinn:organization:identifier-no:" + s.sender, cast.outsiderEvents)
                .status()).isEqualTo(403);
        assertThat(s.client.get(feed, cast.outsiderEvents).status()).isEqualTo(403);
        assertThat(s.client.get(feed + "&subject=urn:altinn:organization:identifier-no:" + s.sender, cast.recipient1Events)
                .status()).isEqualTo(403);
        assertThat(s.client.get(feed, s.senderToken).status()).as("without the events scope").isEqualTo(403);

        JsonNode recipientsOwn = s.client.get(feed, cast.recipient1Events).json();
        assertThat(recipientsOwn).hasSize(1);
        assertThat(recipientsOwn.get(0).get("subject").asString()).endsWith(s.recipient1);
        assertThat(s.client.get(feed, cast.ownerEvents).json()).as("the service owner sees every party's").hasSize(4);
        assertThat(s.client.get(feed + "&type=no.altinn.broker.published", cast.ownerEvents).json()).hasSize(3);
        assertThat(s.client.get(feed + "&type=no.altinn.broker.published&type=no.altinn.broker.filetransferinitialized"
                + "&subject=urn:altinn:organization:identifier-no:" + s.sender, cast.ownerEvents).json()).hasSize(2);
    }

    @Test
    void aSubscriptionIsVisibleToItsCreatorOnly() throws Exception {
        EventCast cast = new EventCast(scenario());
        var s = cast.s;
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            JsonNode sub = cast.subscribed(cast.senderEvents, hook, s.sender);
            String path = "/events/api/v1/subscriptions/" + sub.get("id").asLong();
            assertThat(s.client.get(path, cast.outsiderEvents).status()).isEqualTo(404);
            assertThat(s.client.get("/events/api/v1/subscriptions", cast.outsiderEvents).json().get("count").asInt()).isZero();
            assertThat(s.client.send(s.client.request(path, cast.outsiderEvents).DELETE().build()).status()).isEqualTo(404);

            JsonNode mine = s.client.get("/events/api/v1/subscriptions", cast.senderEvents).json();
            assertThat(mine.get("count").asInt()).isEqualTo(1);
            assertThat(s.client.send(s.client.request(path, cast.senderEvents).DELETE().build()).status()).isEqualTo(200);
            assertThat(s.client.get(path, cast.senderEvents).status()).isEqualTo(404);
        }
    }

    @Test
    void badSubscriptionsAndFeedRequestsAreRefusedWithValidationProblems() {
        EventCast cast = new EventCast(scenario());
        var s = cast.s;
        var noScheme = s.client.postJson("/events/api/v1/subscriptions", cast.senderEvents,
                "{\"endPoint\":\"ftp://example.com/x\",\"resourceFilter\":\"%s\"}".formatted(cast.resourceUrn()));
        assertThat(noScheme.status()).isEqualTo(400);
        assertThat(noScheme.json().get("errors").has("endPoint")).isTrue();
        var badResource = s.client.postJson("/events/api/v1/subscriptions", cast.senderEvents,
                "{\"endPoint\":\"http://127.0.0.1:9/\",\"resourceFilter\":\"%s\"}".formatted(s.resourceId));
        assertThat(badResource.json().get("errors").has("resourceFilter")).isTrue();
        assertThat(s.client.postJson("/events/api/v1/subscriptions", cast.senderEvents, "{not json").status()).isEqualTo(400);
        String feed = "/events/api/v1/events?resource=" + cast.resourceUrn();
        assertThat(s.client.get(feed + "&size=0", cast.senderEvents).status()).isEqualTo(400);
        assertThat(s.client.get(feed + "&after=nonsense", cast.senderEvents).status()).isEqualTo(400);
        assertThat(s.client.get(feed + "&after=" + java.util.UUID.randomUUID(), cast.senderEvents).status()).isEqualTo(400);
        assertThat(s.client.get("/events/api/v1/events", cast.senderEvents).status()).isEqualTo(400);
        assertThat(s.client.get("/events/api/v1/subscriptions/abc", cast.senderEvents).status()).isEqualTo(400);
    }
}
