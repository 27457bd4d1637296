package no.formidler.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transfers that stopped moving (docs/compatibility.md §6): an upload that broke off without a trace (the broker died
 * mid-request) is failed; a transfer left in processing is only counted, since nothing here can finish it.
 */
@Service
public class StuckTransfers {
    /** The status text of an upload failed for being stuck, by this check or by the TUS expiry sweep. */
    public static final String STUCK_UPLOAD_TEXT = "File transfer was stuck in UploadStarted as it failed upload mid-request.";
    /** The most transfers one check fails; the next check takes the rest. */
    static final int BATCH = 1000;
    private final TransferRepository transfers;
    private final Transitions path;
    private final ObjectProvider<RecentUploadActivity> activity;
    private final TransactionTemplate transaction;

    StuckTransfers(TransferRepository transfers, Transitions path, ObjectProvider<RecentUploadActivity> activity,
                   PlatformTransactionManager transactions) {
        this.transfers = transfers;
        this.path = path;
        this.activity = activity;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Fails each transfer that has been in {@code UploadStarted} since before {@code cutoff} and had no upload activity
     * since {@code activitySince}; returns those it failed. A transfer that moved on meanwhile is left alone.
     */
    public List<UUID> failStuckUploads(Instant cutoff, Instant activitySince) {
        return failStuckUploads(cutoff, activitySince, activity.getIfAvailable(() -> RecentUploadActivity.NONE));
    }

    /** As {@link #failStuckUploads(Instant, Instant)}, asking {@code uploads} which uploads are still active. */
    public List<UUID> failStuckUploads(Instant cutoff, Instant activitySince, RecentUploadActivity uploads) {
        List<UUID> failed = new ArrayList<>();
        for (UUID id : transfers.inStatusSince(TransferStatus.UploadStarted, cutoff, BATCH)) {
            if (!uploads.activeSince(id, activitySince) && Boolean.TRUE.equals(transaction.execute(s -> failIfStillStuck(id, cutoff)))) {
                failed.add(id);
            }
        }
        return failed;
    }

    /** Transfers in {@code UploadProcessing} since before {@code cutoff}, oldest first, at most {@code limit}. */
    public List<UUID> processingSince(Instant cutoff, int limit) {
        return transfers.inStatusSince(TransferStatus.UploadProcessing, cutoff, limit);
    }

    public long countProcessingSince(Instant cutoff) {
        return transfers.countInStatusSince(TransferStatus.UploadProcessing, cutoff);
    }

    private boolean failIfStillStuck(UUID id, Instant cutoff) {
        Optional<FileTransfer> locked = transfers.findForUpdate(id);
        if (locked.isEmpty() || locked.get().status() != TransferStatus.UploadStarted
                || !locked.get().statusChanged().isBefore(cutoff)) {
            return false;
        }
        return !path.apply(locked.get(), Move.of(Transition.FAIL_UPLOAD, STUCK_UPLOAD_TEXT)).isEmpty();
    }
}
