package no.formidler.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;

/**
 * Delivers one leased subscription's pending work: the validation handshake first, then its events strictly in
 * sequence order. The cursor moves past an event only when the endpoint answered 2xx (or, after
 * {@code formidler.events.give-up-after} of failing, when the event is given up); the first failure ends the batch
 * and schedules a retry with exponential backoff, so the next event always waits for the previous one.
 */
@Component
class WebhookDelivery {
    private static final int PAGE = 200;
    private static final int CURSOR_WRITE_EVERY = 20;
    private static final Duration BATCH_TIME = Duration.ofSeconds(30);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    /** Less than the margin: a POST always starts with more than its longest duration left on the lease. */
    private static final Duration RENEW_AFTER = Duration.ofSeconds(2);

    private final SubscriptionRepository subscriptions;
    private final EventLog log;
    private final CloudEvents cloudEvents;
    private final WebhookClient client;
    private final EndpointGuard guard;
    private final EventProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    WebhookDelivery(SubscriptionRepository subscriptions, EventLog log, CloudEvents cloudEvents, WebhookClient client,
                    EndpointGuard guard, EventProperties properties, JsonMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.cloudEvents = cloudEvents;
        this.client = client;
        this.guard = guard;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * How long a claim lasts: one POST at its slowest (connect, then the request timeout) and a margin. A batch renews
     * it before a POST once {@link #RENEW_AFTER} has passed, so it never runs out under a live worker, while a dead
     * node's subscriptions are taken over this soon (issue 17: a fixed 90 s stalled delivery after a node died).
     */
    static Duration lease(EventProperties properties) {
        return EventPost.longest(properties.requestTimeout()).plus(LEASE_MARGIN);
    }

    /** Returns true when the batch ended with work possibly left (so the caller should look again at once). */
    boolean deliver(Subscription s, UUID lease) throws InterruptedException {
        Instant started = clock.instant();
        if (!s.validated()) {
            CloudEvent handshake = cloudEvents.validation(s.id());
            Optional<String> error = send(s, handshake);
            if (error.isPresent()) {
                fail(s, lease, error.get(), s.failedAttempts());
                return false;
            }
            if (!subscriptions.validated(s.id(), lease)) {
                return false;
            }
        }
        Instant renewed = started;
        long cursor = s.deliveredSequence();
        long stored = cursor;
        int unstored = 0;
        Optional<Instant> failingSince = s.failingSince();
        List<String> types = s.typeFilter().map(List::of).orElse(List.of());
        while (Duration.between(started, clock.instant()).compareTo(BATCH_TIME) < 0) {
            List<StoredEvent> events = log.after(s.resourceId(), cursor, s.subjectOrg(), types, PAGE);
            if (events.isEmpty()) {
                if (cursor != stored && !subscriptions.advance(s.id(), lease, cursor, Optional.empty(), clock.instant())) {
                    return false;
                }
                subscriptions.release(s.id(), lease);
                return false;
            }
            for (StoredEvent event : events) {
                if (Duration.between(renewed, clock.instant()).compareTo(RENEW_AFTER) >= 0) {
                    renewed = clock.instant();
                    if (!subscriptions.renew(s.id(), lease, renewed.plus(lease(properties)))) {
                        return false; // deleted, or the lease was lost: whoever holds it now carries on
                    }
                }
                Optional<String> error = send(s, cloudEvents.of(event));
                Optional<String> gaveUp = Optional.empty();
                if (error.isPresent()) {
                    Instant now = clock.instant();
                    if (failingSince.isEmpty() || Duration.between(failingSince.get(), now).compareTo(properties.giveUpAfter()) < 0) {
                        if (cursor != stored) {
                            subscriptions.advance(s.id(), lease, cursor, Optional.empty(), now);
                        }
                        fail(s, lease, error.get(), cursor == s.deliveredSequence() ? s.failedAttempts() : 0);
                        return false;
                    }
                    gaveUp = Optional.of("Gave up on event " + event.id() + " after " + properties.giveUpAfter()
                            + " of failed deliveries: " + error.get());
                }
                cursor = event.sequence();
                unstored++;
                failingSince = Optional.empty();
                // The cursor is written every few events rather than after each: after a crash at most that many
                // are delivered again, with their same ids (receivers deduplicate on webhook-id).
                boolean lastOfAll = events.size() < PAGE && event == events.get(events.size() - 1);
                if (gaveUp.isPresent() || unstored >= CURSOR_WRITE_EVERY || lastOfAll) {
                    if (!subscriptions.advance(s.id(), lease, cursor, gaveUp, clock.instant())) {
                        return false; // deleted, or the lease was lost: whoever holds it now carries on
                    }
                    stored = cursor;
                    unstored = 0;
                }
            }
        }
        if (cursor != stored) {
            subscriptions.advance(s.id(), lease, cursor, Optional.empty(), clock.instant());
        }
        subscriptions.release(s.id(), lease);
        return true;
    }

    private Optional<String> send(Subscription s, CloudEvent event) throws InterruptedException {
        EndpointGuard.Decision decision = guard.check(s.endPoint());
        if (decision.refusal().isPresent()) {
            return decision.refusal();
        }
        byte[] body = json.writeValueAsBytes(event);
        long timestamp = clock.instant().getEpochSecond();
        return client.post(decision.endpoint().orElseThrow(), body,
                "webhook-id", event.id(),
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSignature.sign(s.secret(), event.id(), timestamp, body));
    }

    /** Schedules the retry: {@code failedBefore} earlier failures of the same event make the wait longer. */
    private void fail(Subscription s, UUID lease, String error, int failedBefore) {
        Instant now = clock.instant();
        subscriptions.failed(s.id(), lease, error, now, now.plus(properties.backoff(failedBefore + 1)));
    }
}
