package no.formidler.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reports and metrics may read of transfers: aggregates only, never a transfer's contents. Computed live
 * from the transfer tables, so a report is never stale (the reference's rollup can lag a week).
 */
@Service
public class TransferStatistics {
    /**
     * The reference's stuck rules (docs/compatibility.md §6): UploadStarted for a day, UploadProcessing for 15 minutes.
     */
    public static final Duration STUCK_UPLOAD_STARTED = Duration.ofHours(24);
    public static final Duration STUCK_UPLOAD_PROCESSING = Duration.ofMinutes(15);
    private final TransferStatisticsRepository repository;
    private final Clock clock;

    TransferStatistics(TransferStatisticsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The month's activity on {@code resourceIds}, one row per resource, sender, recipient and vendor pair. */
    @Transactional(readOnly = true)
    public List<MonthlyActivity> monthly(Collection<String> resourceIds, YearMonth month) {
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return repository.monthly(resourceIds, start, end);
    }

    /** Every transfer ever created, counted by creation day, resource and sender (for the daily summary). */
    @Transactional(readOnly = true)
    public List<DailyTransfers> daily() {
        return repository.daily();
    }

    public Map<TransferStatus, Long> countByStatus() {
        return repository.countByStatus();
    }

    /** Transfers that have sat in UploadStarted or UploadProcessing longer than the stuck rules allow. */
    public long stuckTransfers() {
        Instant now = clock.instant();
        return repository.countInStatusSince(TransferStatus.UploadStarted, now.minus(STUCK_UPLOAD_STARTED))
                + repository.countInStatusSince(TransferStatus.UploadProcessing, now.minus(STUCK_UPLOAD_PROCESSING));
    }
}
