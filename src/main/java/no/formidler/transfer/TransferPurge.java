package no.formidler.transfer;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.formidler.events.EventOutbox;
import no.formidler.events.EventType;
import no.formidler.events.Role;
import no.formidler.events.TransferEvent;
import no.formidler.storage.BlobStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges a transfer's file (reference §5.11): the status becomes {@code Purged} with its events in one transaction,
 * and only then is the blob deleted, so a download that starts after the purge is refused rather than served from a
 * half-deleted file, and one that has already opened the file can finish. Running it again is harmless: the status
 * change and its events happen once, and deleting a deleted blob is no error.
 */
@Service
public class TransferPurge {
    private final TransferRepository transfers;
    private final EventOutbox outbox;
    private final BlobStore store;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TransferPurge(TransferRepository transfers, EventOutbox outbox, BlobStore store,
                  PlatformTransactionManager transactions, Clock clock) {
        this.transfers = transfers;
        this.outbox = outbox;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What a purge found. */
    public enum Outcome { PURGED, ALREADY_PURGED, NOT_FOUND }

    public Outcome purge(UUID id) throws IOException {
        Marked marked = transaction.execute(status -> markPurged(id));
        if (marked.location().isPresent()) {
            // Also when it was already Purged: an earlier run may have died between its commit and this delete.
            store.delete(marked.location().get());
        }
        return marked.outcome();
    }

    private record Marked(Outcome outcome, Optional<String> location) {
    }

    private Marked markPurged(UUID id) {
        Optional<FileTransfer> found = transfers.findForUpdate(id);
        if (found.isEmpty()) {
            return new Marked(Outcome.NOT_FOUND, Optional.empty());
        }
        FileTransfer transfer = found.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!transfers.transition(id, TransferStatus.Purged.reachableFrom(), TransferStatus.Purged, Optional.empty(), now,
                Optional.empty())) {
            return new Marked(Outcome.ALREADY_PURGED, transfer.fileLocation());
        }
        outbox.append(purgeEvents(transfer, now));
        return new Marked(Outcome.PURGED, transfer.fileLocation());
    }

    /**
     * {@code filepurged} to the sender; {@code fileneverconfirmeddownloaded} to each recipient that had not confirmed
     * and, when there was one, once to the sender (reference §3.4, §6.1).
     */
    static List<TransferEvent> purgeEvents(FileTransfer transfer, Instant now) {
        List<TransferEvent> events = new ArrayList<>();
        events.add(TransferLifecycle.senderEvent(EventType.FILE_PURGED, transfer, now));
        List<Recipient> unconfirmed = transfer.recipients().stream()
                .filter(r -> r.status() != RecipientStatus.DownloadConfirmed)
                .toList();
        unconfirmed.forEach(r -> events.add(new TransferEvent(EventType.FILE_NEVER_CONFIRMED_DOWNLOADED,
                transfer.resourceId(), transfer.id(), r.organization(), r.organization().prefixed(), Role.Recipient, now)));
        if (!unconfirmed.isEmpty()) {
            events.add(TransferLifecycle.senderEvent(EventType.FILE_NEVER_CONFIRMED_DOWNLOADED, transfer, now));
        }
        return events;
    }
}
