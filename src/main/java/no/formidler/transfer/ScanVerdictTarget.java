package no.formidler.transfer;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transfer side of a malware verdict that arrives after the upload completed (a background scan, the external
 * scanner's webhook): a transfer in UploadProcessing is published when its file is clean and fails when it is not.
 * Only from UploadProcessing, so the first verdict counts, whatever else arrives.
 */
@Service
public class ScanVerdictTarget {
    private static final Logger log = LoggerFactory.getLogger(ScanVerdictTarget.class);
    private final TransferRepository transfers;
    private final Transitions path;
    private final ScanHistory scans;
    private final AfterCommitDelete afterCommit;

    ScanVerdictTarget(TransferRepository transfers, Transitions path, ScanHistory scans, AfterCommitDelete afterCommit) {
        this.transfers = transfers;
        this.path = path;
        this.scans = scans;
        this.afterCommit = afterCommit;
    }

    /** What became of a verdict. */
    public enum Applied {
        APPLIED,
        /** The transfer has its verdict already, or is no longer waiting for one. */
        IGNORED,
        /** The upload has not completed yet: the verdict must be delivered again later. */
        TOO_EARLY,
        NOT_FOUND
    }

    @Transactional(readOnly = true)
    public Optional<FileTransfer> find(UUID id) {
        return transfers.find(id);
    }

    /** The transfer, if its stored file is waiting for a verdict. */
    @Transactional(readOnly = true)
    public Optional<FileTransfer> awaitingVerdict(UUID id) {
        return transfers.find(id).filter(t -> t.status() == TransferStatus.UploadProcessing);
    }

    /**
     * Applies the verdict, once; a rejected file is deleted after the change has committed (never while the outbox's
     * lock is held). If that delete fails, the file stays until the transfer is purged.
     */
    public Applied apply(UUID id, ScanVerdict verdict) {
        return afterCommit.change("a transfer rejected by its malware scan", status -> decide(id, verdict));
    }

    private AfterCommitDelete.Changed<Applied> decide(UUID id, ScanVerdict verdict) {
        Optional<FileTransfer> found = transfers.findForUpdate(id);
        if (found.isEmpty()) {
            return new AfterCommitDelete.Changed<>(Applied.NOT_FOUND, Optional.empty());
        }
        FileTransfer transfer = found.get();
        if (transfer.status().acceptsUpload()) {
            return new AfterCommitDelete.Changed<>(Applied.TOO_EARLY, Optional.empty());
        }
        if (transfer.status() != TransferStatus.UploadProcessing || !scans.record(id, verdict.record())) {
            return new AfterCommitDelete.Changed<>(Applied.IGNORED, Optional.empty());
        }
        path.apply(transfer, verdict.move());
        if (verdict.clean()) {
            log.info("Transfer {} scanned clean by {}: published", id, verdict.record().scanner());
            return new AfterCommitDelete.Changed<>(Applied.APPLIED, Optional.empty());
        }
        log.warn("Transfer {} failed its malware scan: {}", id, verdict.failureText().orElseThrow());
        return new AfterCommitDelete.Changed<>(Applied.APPLIED, transfer.fileLocation());
    }
}
