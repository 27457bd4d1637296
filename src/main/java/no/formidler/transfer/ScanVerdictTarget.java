package no.formidler.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.formidler.events.EventOutbox;
import no.formidler.events.EventType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transfer side of a malware verdict: a transfer in UploadProcessing is published when its file is clean and
 * fails when it is not. Only from UploadProcessing, so a verdict counts once, whatever else arrives.
 */
@Service
public class ScanVerdictTarget {
    private final TransferRepository transfers;
    private final EventOutbox outbox;
    private final Clock clock;

    ScanVerdictTarget(TransferRepository transfers, EventOutbox outbox, Clock clock) {
        this.transfers = transfers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<FileTransfer> find(UUID id) {
        return transfers.find(id);
    }

    /** Locks the transfer until the caller's transaction ends, so verdicts on one transfer take turns. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<FileTransfer> lock(UUID id) {
        return transfers.findForUpdate(id);
    }

    /** Publishes a transfer whose file was found clean; false when it was not waiting for a verdict. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean publish(FileTransfer transfer) {
        Instant now = now();
        if (!transfers.transition(transfer.id(), EnumSet.of(TransferStatus.UploadProcessing), TransferStatus.Published,
                Optional.empty(), now, Optional.empty())) {
            return false;
        }
        outbox.append(TransferLifecycle.publishedEvents(transfer, now));
        return true;
    }

    /** Fails a transfer whose file was not found clean; recipients never hear of it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean fail(FileTransfer transfer, String statusText) {
        Instant now = now();
        if (!transfers.transition(transfer.id(), EnumSet.of(TransferStatus.UploadProcessing), TransferStatus.Failed,
                Optional.of(statusText), now, Optional.empty())) {
            return false;
        }
        outbox.append(List.of(TransferLifecycle.senderEvent(EventType.UPLOAD_FAILED, transfer, now)));
        return true;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
