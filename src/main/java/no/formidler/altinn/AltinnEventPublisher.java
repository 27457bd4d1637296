package no.formidler.altinn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.formidler.events.EventProperties;
import no.formidler.events.OutboxFeed;

/**
 * Altinn platform mode: publishes every outbox event, in order, to {@code POST <platform>/events/api/v1/events}. Unlike
 * the reference, which logs and drops an event its final retry could not deliver (docs/compatibility.md §7), the cursor
 * only moves past an event Altinn accepted, so a failure is retried with backoff for as long as it takes.
 */
class AltinnEventPublisher {
    static final String CURSOR = "altinn-events";
    /** On top of one POST at its slowest: a node that dies mid-page blocks publication for one lease at most. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    private static final int PAGE = 500;

    private final String name;
    private final AltinnEventsEndpoint endpoint;
    private final PublicationRepository cursors;
    private final OutboxFeed outbox;
    private final PlatformAccessToken token;
    private final EventProperties properties;
    private final Clock clock;

    AltinnEventPublisher(String name, AltinnEventsEndpoint endpoint, PublicationRepository cursors, OutboxFeed outbox,
                         PlatformAccessToken token, EventProperties properties, Clock clock) {
        this.name = name;
        this.endpoint = endpoint;
        this.cursors = cursors;
        this.outbox = outbox;
        this.token = token;
        this.properties = properties;
        this.clock = clock;
    }

    /** Publishes what is pending if this node gets the lease; true when it may have left work (look again at once). */
    boolean publishPending() throws InterruptedException {
        UUID lease = UUID.randomUUID();
        Instant now = clock.instant();
        Optional<PublicationRepository.Cursor> claimed = cursors.claim(name, now, now.plus(lease()), lease);
        if (claimed.isEmpty()) {
            return false;
        }
        List<OutboxFeed.Entry> events = outbox.after(claimed.get().deliveredSequence(), PAGE);
        for (OutboxFeed.Entry event : events) {
            Optional<String> error = endpoint.post(event.cloudEvent(), token.current());
            if (error.isPresent()) {
                Instant failedAt = clock.instant();
                cursors.failed(name, lease, error.get(), failedAt,
                        failedAt.plus(properties.backoff(claimed.get().failedAttempts() + 1)));
                return false;
            }
            // Each advance renews the lease, so the next POST starts with a whole lease left (as WebhookDelivery's).
            if (!cursors.advance(name, lease, event.sequence(), clock.instant().plus(lease()))) {
                return false;
            }
        }
        cursors.release(name, lease);
        return events.size() == PAGE;
    }

    /** One POST at its slowest and a margin; renewed with every event, so it never runs out under a live node. */
    private Duration lease() {
        return endpoint.longest().plus(LEASE_MARGIN);
    }
}
