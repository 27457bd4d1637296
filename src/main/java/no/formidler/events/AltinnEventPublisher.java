package no.formidler.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Altinn platform mode: publishes every outbox event, in order, to {@code POST <platform>/events/api/v1/events}. Unlike
 * the reference, which logs and drops an event its final retry could not deliver (docs/compatibility.md §7), the cursor
 * only moves past an event Altinn accepted, so a failure is retried with backoff for as long as it takes.
 */
class AltinnEventPublisher {
    static final String CURSOR = "altinn-events";
    private static final int PAGE = 500;

    private final String name;
    private final String eventsUrl;
    private final PublicationRepository cursors;
    private final EventLog log;
    private final CloudEvents cloudEvents;
    private final WebhookClient client;
    private final PlatformAccessToken token;
    private final EventProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    AltinnEventPublisher(String name, String platformUrl, PublicationRepository cursors, EventLog log,
                         CloudEvents cloudEvents, WebhookClient client, PlatformAccessToken token,
                         EventProperties properties, JsonMapper json, Clock clock) {
        this.name = name;
        this.eventsUrl = platformUrl.replaceAll("/+$", "") + "/events/api/v1/events";
        this.cursors = cursors;
        this.log = log;
        this.cloudEvents = cloudEvents;
        this.client = client;
        this.token = token;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** Publishes what is pending if this node gets the lease; true when it may have left work (look again at once). */
    boolean publishPending() throws InterruptedException {
        UUID lease = UUID.randomUUID();
        Instant now = clock.instant();
        Optional<PublicationRepository.Cursor> claimed = cursors.claim(name, now, now.plus(WebhookDelivery.LEASE), lease);
        if (claimed.isEmpty()) {
            return false;
        }
        List<StoredEvent> events = log.after(claimed.get().deliveredSequence(), PAGE);
        for (StoredEvent event : events) {
            String[] headers = token.current().map(t -> new String[] {"Authorization", "Bearer " + t}).orElse(new String[0]);
            Optional<String> error = client.post(eventsUrl, json.writeValueAsBytes(cloudEvents.of(event)), headers);
            if (error.isPresent()) {
                Instant failedAt = clock.instant();
                cursors.failed(name, lease, error.get(), failedAt,
                        failedAt.plus(properties.backoff(claimed.get().failedAttempts() + 1)));
                return false;
            }
            if (!cursors.advance(name, lease, event.sequence())) {
                return false;
            }
        }
        cursors.release(name, lease);
        return events.size() == PAGE;
    }
}
