package no.formidler.transfer;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender withdraws a transfer (docs/withdraw-and-notifications.md): {@code Cancelled} with its history row and its
 * events in one transaction, then the file is deleted, outside it. The metadata stays. An upload still streaming sees
 * the status within a second ({@link TransferLifecycle#standing}), stops and discards its bytes; a download that had already
 * opened the file may finish, later ones are refused like those of a purged file.
 */
@Service
public class TransferCancellation {
    /** The reason is kept in the history: long enough for a sentence, short enough for every view of it. */
    public static final int MAX_REASON_LENGTH = 500;
    static final String TEXT = "FileTransfer cancelled by the sender";
    private static final Logger log = LoggerFactory.getLogger(TransferCancellation.class);
    private final TransferRepository transfers;
    private final Transitions path;
    private final TransferAccess access;
    private final BlobStore store;
    private final TransactionTemplate transaction;

    TransferCancellation(TransferRepository transfers, Transitions path, TransferAccess access, BlobStore store,
                         PlatformTransactionManager transactions) {
        this.transfers = transfers;
        this.path = path;
        this.access = access;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** @param reason the sender's reason, already checked against {@link #MAX_REASON_LENGTH} */
    public void cancel(Caller caller, UUID id, Optional<String> reason) {
        // Decide before locking: in Altinn mode the decision is a remote call that must not hold the row lock.
        FileTransfer unlocked = transfers.find(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
        access.requireSender(caller, unlocked);
        Optional<String> location = transaction.execute(status -> markCancelled(caller, id, reason));
        location.ifPresent(this::delete);
    }

    private Optional<String> markCancelled(Caller caller, UUID id, Optional<String> reason) {
        FileTransfer transfer = transfers.findForUpdate(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
        String text = reason.map(r -> TEXT + ": " + r).orElse(TEXT);
        if (path.apply(transfer, new Move.OfTransfer(Transition.CANCEL, Optional.of(text), caller.vendor())).isEmpty()) {
            throw new BrokerException(BrokerError.CANCEL_NOT_ALLOWED);
        }
        return transfer.fileLocation();
    }

    private void delete(String location) {
        try {
            store.delete(location);
        } catch (IOException e) {
            // The transfer is Cancelled either way and serves no download; the bytes are left for an operator.
            log.warn("Could not delete the file {} of a cancelled transfer", location, e);
        }
    }
}
