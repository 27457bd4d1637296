package no.formidler.storage;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Readiness of the blob store ({@code blobStore} in {@code /actuator/health/readiness}): a store across the network
 * that does not answer makes the node not ready, so a load balancer sends uploads and downloads elsewhere. Checked
 * once at start and on every probe; each change between reachable and unreachable is logged once, not per probe.
 */
@Component
class BlobStoreHealthIndicator implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(BlobStoreHealthIndicator.class);
    private final BlobStore store;
    private final AtomicReference<Boolean> lastReachable = new AtomicReference<>();

    BlobStoreHealthIndicator(BlobStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        health();
    }

    @Override
    public Health health() {
        if (!(store instanceof ReachableStore reachable)) {
            return Health.up().withDetail("store", store.toString()).build();
        }
        try {
            reachable.checkReachable();
            if (!Boolean.TRUE.equals(lastReachable.getAndSet(true))) {
                log.info("Blob store {} is reachable", store);
            }
            return Health.up().withDetail("store", store.toString()).build();
        } catch (IOException | RuntimeException e) {
            if (!Boolean.FALSE.equals(lastReachable.getAndSet(false))) {
                log.error("Blob store {} is NOT reachable: readiness is DOWN until it answers. Cause: {}", store, e.getMessage());
            }
            return Health.down().withDetail("store", store.toString()).withDetail("error", e.getMessage()).build();
        }
    }
}
