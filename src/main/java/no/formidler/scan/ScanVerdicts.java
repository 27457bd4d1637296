package no.formidler.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import no.formidler.storage.BlobStore;
import no.formidler.transfer.FileTransfer;
import no.formidler.transfer.ScanVerdictTarget;
import no.formidler.transfer.TransferStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a malware verdict to a transfer, once: records it, publishes a clean file, fails and deletes anything else.
 * Whatever applies it (the inline scan, the background job, the webhook), the first verdict wins.
 */
@Service
public class ScanVerdicts {
    private static final Logger log = LoggerFactory.getLogger(ScanVerdicts.class);
    private final ScanVerdictTarget transfers;
    private final ScanRecordRepository records;
    private final ScanJobRepository jobs;
    private final BlobStore store;

    ScanVerdicts(ScanVerdictTarget transfers, ScanRecordRepository records, ScanJobRepository jobs, BlobStore store) {
        this.transfers = transfers;
        this.records = records;
        this.jobs = jobs;
        this.store = store;
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

    /**
     * @param sha256  of the bytes the scanner saw, when known
     * @param scanned when the scanner finished
     */
    @Transactional
    public Applied apply(UUID id, ScanOutcome.Verdict verdict, String sha256, Instant scanned) {
        Optional<FileTransfer> found = transfers.lock(id);
        if (found.isEmpty()) {
            return Applied.NOT_FOUND;
        }
        FileTransfer transfer = found.get();
        if (transfer.status() == TransferStatus.Initialized || transfer.status() == TransferStatus.UploadStarted) {
            return Applied.TOO_EARLY;
        }
        jobs.delete(id);
        if (transfer.status() != TransferStatus.UploadProcessing || !records.insert(id, verdict, sha256, scanned)) {
            return Applied.IGNORED;
        }
        if (verdict.clean()) {
            transfers.publish(transfer);
            log.info("Transfer {} scanned clean by {}: published", id, verdict.scanner().scanner());
        } else {
            // Deleted before the failure's event is appended: appending takes the outbox's lock until commit.
            transfer.fileLocation().ifPresent(this::delete);
            transfers.fail(transfer, verdict.failureText());
            log.warn("Transfer {} failed its malware scan: {}", id, verdict.failureText());
        }
        return Applied.APPLIED;
    }

    /** Inside the transaction: if the bytes cannot be deleted, the verdict is not recorded and will be retried. */
    private void delete(String location) {
        try {
            store.delete(location);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the rejected file " + location, e);
        }
    }
}
