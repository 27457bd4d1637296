package no.formidler.storage;

import java.io.IOException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the file store: it answers a lookup. A node whose store is unreachable should get no traffic,
 * since every upload and download would fail on it.
 */
@Component("storeHealthIndicator")
class BlobStoreHealthIndicator implements HealthIndicator {
    private static final String PROBE_KEY = "health/probe";
    private final BlobStore store;

    BlobStoreHealthIndicator(BlobStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            store.exists(PROBE_KEY);
            return Health.up().build();
        } catch (IOException | RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
