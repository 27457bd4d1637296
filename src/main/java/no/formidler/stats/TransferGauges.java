package no.formidler.stats;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.formidler.transfer.TransferStatistics;
import no.formidler.transfer.TransferStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Transfers by status and stuck transfers as gauges. One scrape reads the database at most once per
 * {@link #MAX_AGE}, however many gauges and scrapers there are; a failed read keeps the last values.
 */
@Component
class TransferGauges implements MeterBinder {
    static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(TransferGauges.class);
    private final TransferStatistics statistics;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of(), 0);

    private record Snapshot(Instant taken, Map<TransferStatus, Long> byStatus, long stuck) {
    }

    TransferGauges(TransferStatistics statistics) {
        this.statistics = statistics;
        // Freshness is about wall time between scrapes, not the broker's business clock.
        this.clock = Clock.systemUTC();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (TransferStatus status : TransferStatus.values()) {
            Gauge.builder(OperationsMeters.TRANSFERS, this, g -> g.current().byStatus().getOrDefault(status, 0L))
                    .tag("status", status.name())
                    .description("File transfers in each status")
                    .register(registry);
        }
        Gauge.builder(OperationsMeters.STUCK_TRANSFERS, this, g -> g.current().stuck())
                .description("File transfers stuck in UploadStarted (24 h) or UploadProcessing (15 min)")
                .register(registry);
    }

    private synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot.taken().plus(MAX_AGE).isBefore(now)) {
            try {
                snapshot = new Snapshot(now, statistics.countByStatus(), statistics.stuckTransfers());
            } catch (DataAccessException e) {
                log.warn("Transfer gauges could not be read: {}", e.toString());
            }
        }
        return snapshot;
    }
}
