package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A receiver that fails for a while gets every event afterwards, in order, each with the id it first had. */
class WebhookRetryTest extends ApiTest {

    @Test
    void aReceiverThatAnswers500ForAWhileGetsEveryEventInOrderWithStableIds() throws Exception {
        EventCast cast = new EventCast(scenario());
        var s = cast.s;
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            JsonNode sub = cast.subscribed(cast.senderEvents, hook, s.sender);
            long subscriptionId = sub.get("id").asLong();
            AtomicInteger failures = new AtomicInteger();
            CountDownLatch thirdFailure = new CountDownLatch(1);
            hook.answer = type -> {
                if (failures.incrementAndGet() == 3) {
                    thirdFailure.countDown();
                }
                return 500;
            };
            String first = s.publish("one".getBytes(StandardCharsets.UTF_8));
            String second = s.publish("two".getBytes(StandardCharsets.UTF_8));
            assertThat(thirdFailure.await(20, TimeUnit.SECONDS)).isTrue();

            JsonNode failing = s.client.get("/events/api/v1/subscriptions/" + subscriptionId, cast.senderEvents).json()
                    .get("delivery");
            assertThat(failing.get("state").asString()).isEqualTo("Failing");
            assertThat(failing.get("failedAttempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(failing.get("lastError").asString()).isEqualTo("The endpoint answered HTTP 500.");
            assertThat(failing.get("failingSince").isNull()).isFalse();

            hook.answer = type -> 200;
            List<WebhookReceiver.Delivery> got = hook.accepted(4, Duration.ofSeconds(20));
            assertThat(got).extracting(d -> d.type() + " " + d.json().get("resourceinstance").asString()).containsExactly(
                    "no.altinn.broker.filetransferinitialized " + first, "no.altinn.broker.published " + first,
                    "no.altinn.broker.filetransferinitialized " + second, "no.altinn.broker.published " + second);
            List<WebhookReceiver.Delivery> refused = hook.all().stream().filter(d -> d.answered() == 500).toList();
            assertThat(refused).isNotEmpty().allSatisfy(d ->
                    assertThat(d.id()).as("a retried event keeps its id").isEqualTo(got.get(0).id()));
            assertThat(hook.nothingMoreWithin(Duration.ofMillis(500))).isTrue();

            JsonNode healthy = s.client.get("/events/api/v1/subscriptions/" + subscriptionId, cast.senderEvents).json()
                    .get("delivery");
            assertThat(healthy.get("state").asString()).isEqualTo("Healthy");
            assertThat(healthy.get("lastError").asString()).as("the last error stays visible").contains("500");
            cast.delete(cast.senderEvents, sub);
        }
    }

    @Test
    void noEventFlowsBeforeTheEndpointAnswersTheValidationHandshake() throws Exception {
        EventCast cast = new EventCast(scenario());
        var s = cast.s;
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            CountDownLatch refusedTwice = new CountDownLatch(2);
            hook.answer = type -> {
                refusedTwice.countDown();
                return 503;
            };
            var created = cast.subscribe(cast.senderEvents, hook.url(), s.sender);
            assertThat(created.status()).isEqualTo(201);
            s.publish("x".getBytes(StandardCharsets.UTF_8));
            assertThat(refusedTwice.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(hook.all()).extracting(WebhookReceiver.Delivery::type).containsOnly("platform.events.validatesubscription");
            JsonNode shown = s.client.get("/events/api/v1/subscriptions/" + created.json().get("id").asLong(),
                    cast.senderEvents).json();
            assertThat(shown.get("validated").asBoolean()).isFalse();

            hook.answer = type -> 200;
            List<WebhookReceiver.Delivery> got = hook.accepted(3, Duration.ofSeconds(20));
            assertThat(got).extracting(WebhookReceiver.Delivery::type).containsExactly(
                    "platform.events.validatesubscription", "no.altinn.broker.filetransferinitialized",
                    "no.altinn.broker.published");
            cast.delete(cast.senderEvents, created.json());
        }
    }
    @Test
    void anEventStillRefusedAfterTheGiveUpPeriodIsSkippedAndTheSubscriptionShowsWhy() throws Exception {
        EventCast cast = new EventCast(scenario());
        var s = cast.s;
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            JsonNode sub = cast.subscribed(cast.senderEvents, hook, s.sender);
            CountDownLatch refusedTwice = new CountDownLatch(2);
            hook.answer = type -> {
                if (type.endsWith("filetransferinitialized")) {
                    refusedTwice.countDown();
                    return 500;
                }
                return 200;
            };
            String id = s.publish("doomed".getBytes(StandardCharsets.UTF_8));
            assertThat(refusedTwice.await(20, TimeUnit.SECONDS)).isTrue();

            clock.advance(Duration.ofHours(25));
            List<WebhookReceiver.Delivery> got = hook.accepted(1, Duration.ofSeconds(20));
            assertThat(got.get(0).type()).isEqualTo("no.altinn.broker.published");
            assertThat(got.get(0).json().get("resourceinstance").asString()).isEqualTo(id);
            JsonNode delivery = s.client.get("/events/api/v1/subscriptions/" + sub.get("id").asLong(), cast.senderEvents)
                    .json().get("delivery");
            assertThat(delivery.get("state").asString()).isEqualTo("Healthy");
            assertThat(delivery.get("lastError").asString()).startsWith("Gave up on event ").contains("HTTP 500");
            cast.delete(cast.senderEvents, sub);
        }
    }
}
