package no.formidler.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.formidler.audit.AuditLog;
import no.formidler.audit.Audited;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recipient's side of a download (E7, docs/compatibility.md §1): who may fetch which file, and the record that it
 * did.
 */
@Service
public class RecipientDownloads {
    /** Ranged downloads come in bursts (parallel parts, resumes): one DownloadStarted per burst is enough. */
    static final Duration RANGED_DEBOUNCE = Duration.ofMinutes(5);
    private final TransferRepository transfers;
    private final Transitions path;
    private final TransferAccess access;
    private final AuditLog audit;
    private final TransactionTemplate inTransaction;
    private final RecentRangedStarts recentStarts = new RecentRangedStarts(10_000);

    RecipientDownloads(TransferRepository transfers, Transitions path, TransferAccess access, AuditLog audit,
                       PlatformTransactionManager transactions) {
        this.transfers = transfers;
        this.path = path;
        this.access = access;
        this.audit = audit;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    public DownloadableFile authorize(Caller caller, UUID id) {
        FileTransfer transfer = transfers.require(id);
        Organization recipient = access.requireRecipient(caller, transfer);
        if (!transfer.status().downloadable()) {
            throw new BrokerException(BrokerError.FILE_NOT_READY_FOR_DOWNLOAD);
        }
        String location = transfer.fileLocation().orElseThrow(() -> new BrokerException(BrokerError.NO_FILE_UPLOADED));
        return new DownloadableFile(transfer, location, recipient);
    }

    /**
     * Records that the recipient fetches {@code length} bytes from {@code first}: always in the audit log, and in the
     * status history unless a ranged download was recorded in the last few minutes.
     */
    public void recordDownloadStarted(DownloadableFile file, Optional<Organization> vendor, boolean ranged, long first,
                                      long length) {
        if (ranged && rangedDownloadRecordedLately(file)) {
            // A later part of a burst: the audit entry is the only change, in one statement.
            audit.recordAlone(downloadEntry(file, vendor, ranged, first, length));
            return;
        }
        inTransaction.executeWithoutResult(status -> {
            Move started = new Move.OfRecipient(file.recipient(), RecipientTransition.START_DOWNLOAD, vendor, ranged);
            if (!ranged) {
                path.apply(file.transfer(), started);
            } else {
                // Parallel parts of one download all find none recorded: they decide again in turn, under the
                // transfer's row lock, so the first one records the start and the others see it.
                FileTransfer locked = transfers.requireForUpdate(file.fileTransferId());
                if (!rangedDownloadRecordedLately(file)) {
                    path.apply(locked, started);
                }
            }
            // After the status change, whose row locks come before the audit log's lock, as everywhere.
            audit.record(downloadEntry(file, vendor, ranged, first, length));
        });
    }

    private static Audited downloadEntry(DownloadableFile file, Optional<Organization> vendor, boolean ranged,
                                         long first, long length) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recipient", file.recipient().prefixed());
        details.put("first", first);
        details.put("length", length);
        details.put("ranged", ranged);
        return Audited.ofTransfer(Optional.of(file.recipient()), vendor, "download", file.fileTransferId(),
                file.transfer().resourceId(), details);
    }

    /** This node's memory first, then the database; what the database shows is remembered from then on. */
    private boolean rangedDownloadRecordedLately(DownloadableFile file) {
        Instant since = path.now().minus(RANGED_DEBOUNCE);
        if (recentStarts.latest(file.fileTransferId(), file.recipient()).filter(at -> !at.isBefore(since)).isPresent()) {
            return true;
        }
        Optional<Instant> stored = transfers.latestRangedDownloadStart(file.fileTransferId(), file.recipient());
        stored.ifPresent(at -> recentStarts.remember(file.fileTransferId(), file.recipient(), at));
        return stored.filter(at -> !at.isBefore(since)).isPresent();
    }
}
