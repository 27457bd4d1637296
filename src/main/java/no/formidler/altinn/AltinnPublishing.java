package no.formidler.altinn;

import java.time.Clock;
import java.util.Optional;
import no.formidler.events.EventProperties;
import no.formidler.events.OutboxFeed;
import no.formidler.system.FormidlerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link AltinnEventPublisher} on every node in Altinn platform mode (the lease lets one publish at a time),
 * woken when events commit and polling as a fallback. Without {@code formidler.events.platform-url} it stays off.
 *
 * <p>Why its own lease loop and not a db-scheduler job: publishing is one cursor over the ordered outbox that must
 * move in order, one event after the other (as a webhook subscription's in {@code events/}), and start as soon
 * as an event commits rather than at the scheduler's next poll.
 */
@Component
class AltinnPublishing implements SmartLifecycle {
    private static final Logger logger = LoggerFactory.getLogger(AltinnPublishing.class);
    private final AltinnEventPublisher publisher;
    private final OutboxFeed outbox;
    private volatile boolean running;
    private Thread loop;

    AltinnPublishing(FormidlerProperties formidler, EventProperties properties, PublicationRepository cursors,
                     OutboxFeed outbox, ObjectProvider<PlatformAccessToken> token, Clock clock) {
        boolean enabled = formidler.mode() == FormidlerProperties.Mode.ALTINN && !properties.platformUrl().isBlank();
        PlatformAccessToken accessToken = token.getIfAvailable(() -> Optional::empty);
        this.publisher = enabled ? new AltinnEventPublisher(AltinnEventPublisher.CURSOR,
                new AltinnEventsEndpoint(properties.platformUrl(), properties.requestTimeout()), cursors, outbox,
                accessToken, properties, clock) : null;
        this.outbox = outbox;
    }

    @Override
    public synchronized void start() {
        running = true;
        if (publisher == null) {
            return;
        }
        loop = new Thread(this::run, "altinn-events-publisher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        outbox.follow(() -> running, publisher::publishPending, e -> logger.warn("Publishing events to Altinn failed; retrying", e));
    }
}
