package no.formidler.upload.tus;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import no.formidler.transfer.StuckTransfers;
import no.formidler.transfer.TransferLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cleans up abandoned uploads (expiration extension): an unfinished upload past its {@code Upload-Expires} loses its
 * bytes and its transfer becomes Failed with {@code uploadfailed}, as the reference's stuck-upload rule. It also
 * completes finished uploads whose completion a crashed node left pending. Safe on several nodes at once: rows are
 * claimed with {@code for update skip locked}, and an upload that a PATCH is writing is locked, hence skipped.
 * {@link #sweep()} runs as the recurring job {@value #TASK_NAME} (jobs/).
 */
@Component
public class TusExpiry {
    public static final String TASK_NAME = "tus-expiry-sweep";
    static final String STUCK = StuckTransfers.STUCK_UPLOAD_TEXT;
    private static final Logger log = LoggerFactory.getLogger(TusExpiry.class);
    private static final int BATCH = 100;
    private static final Duration COMPLETION_GRACE = Duration.ofMinutes(1);
    private final TusUploadRepository uploads;
    private final TusStorage storage;
    private final TusCompletion completion;
    private final TransferLifecycle lifecycle;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration sweepInterval;

    TusExpiry(TusUploadRepository uploads, TusStorage storage, TusCompletion completion, TransferLifecycle lifecycle,
              TransactionTemplate tx, Clock clock, TusProperties properties) {
        this.uploads = uploads;
        this.storage = storage;
        this.completion = completion;
        this.lifecycle = lifecycle;
        this.tx = tx;
        this.clock = clock;
        this.sweepInterval = properties.sweepInterval();
    }

    /** How often {@link #sweep()} runs ({@code formidler.tus.sweep-interval}). */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** One pass; returns how many expired uploads were removed. */
    public int sweep() {
        Instant now = clock.instant();
        int removed = removeExpired(now);
        for (UUID id : uploads.stalledFinished(now.minus(COMPLETION_GRACE), BATCH)) {
            try {
                completion.finish(id);
            } catch (RuntimeException e) {
                log.warn("Completing the finished TUS upload {} failed; next sweep tries again", id, e);
            }
        }
        return removed;
    }

    /**
     * One upload per transaction: failing a transfer appends its event, which holds the outbox's lock until commit, and
     * a batch would then take further transfer rows under it (the reverse of the usual order). An upload whose cleanup
     * fails is rolled back, skipped for the rest of this pass and tried again in the next, so it stops no other.
     */
    private int removeExpired(Instant now) {
        int removed = 0;
        Set<UUID> failed = new HashSet<>();
        while (true) {
            AtomicReference<TusUpload> current = new AtomicReference<>();
            List<TusUpload> expired;
            try {
                expired = tx.execute(status -> {
                    List<TusUpload> claimed = uploads.claimExpired(now, failed, 1);
                    for (TusUpload upload : claimed) {
                        current.set(upload);
                        uploads.delete(upload.id());
                        lifecycle.failUpload(upload.fileTransferId(), STUCK);
                    }
                    return claimed;
                });
            } catch (RuntimeException e) {
                if (current.get() == null) {
                    throw e; // not one upload's fault (the database is away): the job's next run tries again
                }
                log.warn("Cleaning up the expired TUS upload {} failed; the next sweep tries again", current.get().id(), e);
                failed.add(current.get().id());
                continue;
            }
            if (expired.isEmpty()) {
                return removed;
            }
            expired.forEach(this::discardParts);
            removed += expired.size();
        }
    }

    private void discardParts(TusUpload upload) {
        log.info("TUS upload {} of transfer {} expired at {} with {} of {} bytes", upload.id(), upload.fileTransferId(),
                upload.expires(), upload.offset(), upload.length());
        try {
            storage.parted().abort(upload.partsKey());
        } catch (IOException e) {
            log.warn("Could not discard the parts of expired upload {}", upload.id(), e);
        }
    }
}
