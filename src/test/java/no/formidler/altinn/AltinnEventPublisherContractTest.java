package no.formidler.altinn;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import no.formidler.events.EventPost;
import no.formidler.events.EventProperties;
import no.formidler.events.OutboxFeed;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Altinn platform mode's publisher against a local server in Altinn Events' place: the recorded contract is
 * {@code POST /events/api/v1/events}, {@code application/cloudevents+json}, bearer token, 200 on success. Unlike the
 * reference, events refused with 503 are published again, in order, with the same ids.
 */
class AltinnEventPublisherContractTest extends ApiTest {
    @Autowired
    PublicationRepository cursors;
    @Autowired
    OutboxFeed outbox;
    @Autowired
    EventProperties properties;
    @Autowired
    Clock brokerClock;

    record Received(String path, String contentType, String authorization, JsonNode event, int answered) {
    }

    @Test
    void everyEventIsPublishedInOrderAndRefusedOnesAreRetriedNotLost() throws Exception {
        Scenario s = scenario().ready();
        List<Received> received = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        HttpServer altinn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        altinn.createContext("/", exchange -> {
            int status = calls.incrementAndGet() <= 2 ? 503 : 200;
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    BrokerClient.JSON.readTree(exchange.getRequestBody().readAllBytes()), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        altinn.start();
        try {
            String id = s.publish("to altinn".getBytes(StandardCharsets.UTF_8));
            var publisher = new AltinnEventPublisher("contract-" + UUID.randomUUID(), new AltinnEventsEndpoint(
                    "http://127.0.0.1:" + altinn.getAddress().getPort() + "/", properties.requestTimeout()), cursors,
                    outbox, () -> Optional.of("platform-token"), properties, brokerClock);

            // The cursor starts at the beginning of the outbox; publish until this transfer's events are through,
            // moving the broker's clock past each backoff instead of waiting for it.
            for (int round = 0; round < 1000 && ofTransfer(received, id).size() < 4; round++) {
                if (!publisher.publishPending()) {
                    clock.advance(Duration.ofSeconds(3));
                }
            }

            List<Received> mine = ofTransfer(received, id);
            assertThat(mine).extracting(r -> r.event().get("type").asString() + "/" + r.event().get("data").get("Role").asString())
                    .containsExactly("no.altinn.broker.filetransferinitialized/Sender", "no.altinn.broker.published/Sender",
                            "no.altinn.broker.published/Recipient", "no.altinn.broker.published/Recipient");
            assertThat(received.subList(0, 2)).allSatisfy(r -> assertThat(r.answered()).isEqualTo(503));
            assertThat(received.get(2).event().get("id")).as("the refused event again, same id")
                    .isEqualTo(received.get(0).event().get("id"));
            assertThat(received).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("/events/api/v1/events");
                assertThat(r.contentType()).isEqualTo("application/cloudevents+json");
                assertThat(r.authorization()).isEqualTo("Bearer platform-token");
            });
            List<String> accepted = received.stream().filter(r -> r.answered() == 200).map(r -> r.event().get("id").asString()).toList();
            assertThat(accepted).doesNotHaveDuplicates();
        } finally {
            altinn.stop(0);
        }
    }

    /** A slow page does not let another node take the cursor over mid-page: every published event renews the lease. */
    @Test
    void aLivePublisherKeepsItsLeaseThroughASlowPage() throws Exception {
        Scenario s = scenario().ready();
        s.publish("one".getBytes(StandardCharsets.UTF_8));
        s.publish("two".getBytes(StandardCharsets.UTF_8));
        String name = "lease-" + UUID.randomUUID();
        List<Boolean> takenOver = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpServer altinn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        altinn.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            // Each POST takes most of a lease (one POST at its slowest and 5 s), by the broker's clock.
            clock.advance(EventPost.longest(properties.requestTimeout()).plusSeconds(3));
            takenOver.add(cursors.claim(name, brokerClock.instant(), brokerClock.instant().plusSeconds(1),
                    UUID.randomUUID()).isPresent());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        altinn.start();
        try {
            var publisher = new AltinnEventPublisher(name, new AltinnEventsEndpoint(
                    "http://127.0.0.1:" + altinn.getAddress().getPort() + "/", properties.requestTimeout()), cursors,
                    outbox, () -> Optional.of("platform-token"), properties, brokerClock);
            publisher.publishPending();
            assertThat(takenOver).as("taken over while posting, per event: " + takenOver)
                    .hasSizeGreaterThanOrEqualTo(8).doesNotContain(true);
        } finally {
            altinn.stop(0);
        }
    }

    private static List<Received> ofTransfer(List<Received> received, String id) {
        synchronized (received) {
            return received.stream().filter(r -> r.answered() == 200)
                    .filter(r -> id.equals(r.event().path("resourceinstance").asString())).toList();
        }
    }
}
