package no.formidler.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs webhook delivery on this node: claims due subscriptions from the database (so any number of nodes can run it),
 * hands each to a delivery thread, and sleeps until an event commits on this node or the poll interval passes.
 *
 * <p>Why its own lease loop and not a db-scheduler job: each subscription is a cursor over the ordered outbox, and its
 * events must arrive in order, one delivery at a time, each retried until it succeeds before the next is sent. That is
 * a lease per subscription that moves a cursor, not a job per event (jobs run in any order and in parallel); and a
 * delivery starts within milliseconds of the commit (woken by {@link OutboxSignal}), not at the scheduler's next poll.
 */
@Component
class WebhookWorker implements SmartLifecycle {
    private static final Logger logger = LoggerFactory.getLogger(WebhookWorker.class);
    private final SubscriptionRepository subscriptions;
    private final WebhookDelivery delivery;
    private final OutboxSignal signal;
    private final EventProperties properties;
    private final Clock clock;
    private final Semaphore slots;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService deliverers;

    WebhookWorker(SubscriptionRepository subscriptions, WebhookDelivery delivery, OutboxSignal signal,
                  EventProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.delivery = delivery;
        this.signal = signal;
        this.properties = properties;
        this.clock = clock;
        this.slots = new Semaphore(properties.workers());
    }

    @Override
    public synchronized void start() {
        running = true;
        deliverers = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread t = new Thread(r, "webhook-delivery");
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "webhook-claims");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        loop.interrupt();
        deliverers.shutdownNow();
        try {
            deliverers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        PollingLoop.run(() -> running, signal, properties.pollInterval(), this::claimAndDispatch,
                e -> logger.warn("Claiming webhook deliveries failed", e));
    }

    /** Returns true when every free slot got work, so there may be more to claim at once. */
    private boolean claimAndDispatch() throws InterruptedException {
        int free = slots.availablePermits();
        if (free == 0) {
            return false;
        }
        UUID lease = UUID.randomUUID();
        Instant now = clock.instant();
        List<Subscription> claimed = subscriptions.claim(now, now.plus(WebhookDelivery.lease(properties)), lease, free);
        for (Subscription s : claimed) {
            slots.acquire();
            deliverers.execute(() -> deliverOne(s, lease));
        }
        return !claimed.isEmpty() && claimed.size() == free;
    }

    private void deliverOne(Subscription s, UUID lease) {
        try {
            delivery.deliver(s, lease);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            logger.warn("Delivering to subscription {} failed", s.id(), e);
        } finally {
            slots.release();
            signal.fire(); // a slot is free and this subscription may have more: look again
        }
    }
}
