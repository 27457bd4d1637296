package no.formidler.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.formidler.audit.AuditLog;
import no.formidler.audit.Audited;
import no.formidler.audit.Receipts;
import no.formidler.auth.Organization;
import no.formidler.events.Role;
import no.formidler.events.TransferEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The transition path's audit step: every status change becomes an audit entry, a publish also a submission receipt
 * for the sender and a confirmed download a delivery receipt for the sender and that recipient (docs/evidence.md).
 * It runs last among the steps, so that the entry follows whatever the other steps did in the same transaction.
 */
@Component
@Order // lowest precedence: last before the outbox append
class TransferAuditing implements TransitionStep {
    private final AuditLog log;
    private final Receipts receipts;
    private final TransferRepository transfers;

    TransferAuditing(AuditLog log, Receipts receipts, TransferRepository transfers) {
        this.log = log;
        this.receipts = receipts;
        this.transfers = transfers;
    }

    @Override
    public void applied(StatusChange change, List<TransferEvent> events) {
        FileTransfer t = change.transfer();
        Map<String, Object> details = new LinkedHashMap<>();
        if (change instanceof StatusChange.OfRecipient r) {
            details.put("recipient", r.recipient().prefixed());
            details.put("status", r.status().name());
            Optional<Receipts.Unsigned> receipt = r.status() == RecipientStatus.DownloadConfirmed
                    ? Optional.of(receipt(change, events, Optional.of(r.recipient()))) : Optional.empty();
            log.record(Audited.ofTransfer(Optional.of(r.recipient()), r.vendor(), "recipient-status", t.id(),
                    t.resourceId(), details), receipt);
            return;
        }
        StatusChange.OfTransfer moved = (StatusChange.OfTransfer) change;
        details.put("status", moved.status().name());
        moved.text().ifPresent(text -> details.put("statusText", text));
        Optional<Receipts.Unsigned> receipt = moved.status() == TransferStatus.Published
                ? Optional.of(receipt(change, events, Optional.empty())) : Optional.empty();
        log.record(Audited.ofTransfer(actor(moved), moved.vendor(), "transfer-status", t.id(), t.resourceId(), details),
                receipt);
    }

    /** The sender acts when it creates the transfer or starts an upload; every later move is the broker's. */
    private static Optional<Organization> actor(StatusChange.OfTransfer moved) {
        return moved.status() == TransferStatus.Initialized || moved.status() == TransferStatus.UploadStarted
                ? Optional.of(moved.transfer().senderOrganization()) : Optional.empty();
    }

    private Receipts.Unsigned receipt(StatusChange change, List<TransferEvent> events, Optional<Organization> recipient) {
        // Read again: the file's size and checksums may have been recorded in this transaction after the lock.
        FileTransfer t = transfers.find(change.transfer().id()).orElse(change.transfer());
        TransferEvent certified = events.stream().filter(e -> e.role() == Role.Sender).findFirst().orElseThrow();
        return receipts.of(new Receipts.Facts(t.id(), t.resourceId(), t.fileName(), t.fileSize(), t.sha256().orElse(""),
                t.checksum().orElse(""), t.senderOrganization().prefixed(), change.at(), certified.type().wireType(),
                certified.id()), recipient);
    }
}
