package no.formidler.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import no.formidler.transfer.StuckTransfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The recurring stuck-transfer check (docs/compatibility.md §6): fails uploads that broke off, and reports transfers
 * left in processing by a WARN line and the gauge {@code formidler.transfers.stuck.processing}.
 */
@Component
public class StuckTransferCheck {
    static final String TASK_NAME = "stuck-file-transfers";
    private static final Logger log = LoggerFactory.getLogger(StuckTransferCheck.class);
    private static final int LISTED = 20;
    private final StuckTransfers stuck;
    private final JobProperties properties;
    private final Clock clock;
    private final AtomicLong processing = new AtomicLong();
    private final Counter failedUploads;

    StuckTransferCheck(StuckTransfers stuck, JobProperties properties, Clock clock, MeterRegistry meters) {
        this.stuck = stuck;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("formidler.transfers.stuck.processing", processing, AtomicLong::get)
                .description("File transfers in UploadProcessing for longer than formidler.jobs.processing-warning-after, at the last check")
                .register(meters);
        this.failedUploads = Counter.builder("formidler.transfers.stuck.uploads.failed")
                .description("Uploads failed because they were stuck in UploadStarted")
                .register(meters);
    }

    /** What one check did. */
    public record Report(List<UUID> failedUploads, long stuckInProcessing) {
    }

    public Report run() {
        Instant now = clock.instant();
        List<UUID> failed = stuck.failStuckUploads(now.minus(properties.stuckUploadAfter()),
                now.minus(properties.uploadActivityWindow()));
        failed.forEach(id -> log.warn("File transfer {} was in UploadStarted for more than {} without upload activity: now Failed",
                id, properties.stuckUploadAfter()));
        failedUploads.increment(failed.size());

        Instant processingCutoff = now.minus(properties.processingWarningAfter());
        long inProcessing = stuck.countProcessingSince(processingCutoff);
        processing.set(inProcessing);
        if (inProcessing > 0) {
            log.warn("{} file transfer(s) have been in UploadProcessing for more than {}; the oldest: {}", inProcessing,
                    properties.processingWarningAfter(), stuck.processingSince(processingCutoff, LISTED));
        }
        return new Report(failed, inProcessing);
    }
}
