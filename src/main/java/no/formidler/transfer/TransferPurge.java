package no.formidler.transfer;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import no.formidler.storage.BlobStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges a transfer's file (docs/compatibility.md §6): the status becomes {@code Purged} with its events in one
 * transaction, and only then is the blob deleted, so a download that starts after the purge is refused rather than
 * served from a half-deleted file, and one that has already opened the file can finish. Running it again is harmless:
 * the status change and its events happen once, and deleting a deleted blob is no error.
 */
@Service
public class TransferPurge {
    private final TransferRepository transfers;
    private final Transitions path;
    private final BlobStore store;
    private final TransactionTemplate transaction;

    TransferPurge(TransferRepository transfers, Transitions path, BlobStore store, PlatformTransactionManager transactions) {
        this.transfers = transfers;
        this.path = path;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
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
        boolean purged = !path.apply(transfer, Move.of(Transition.PURGE)).isEmpty();
        return new Marked(purged ? Outcome.PURGED : Outcome.ALREADY_PURGED, transfer.fileLocation());
    }
}
