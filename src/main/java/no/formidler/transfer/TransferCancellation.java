package no.formidler.transfer;

import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import org.springframework.stereotype.Service;

/**
 * The sender withdraws a transfer (docs/withdraw-and-notifications.md): {@code Cancelled} with its history row and its
 * events in one transaction, then the file is deleted, outside it. The metadata stays. An upload still streaming sees
 * the withdrawal within a second ({@link TransferLifecycle#withdrawn}), stops and discards its bytes; a download that
 * had already opened the file may finish, later ones are refused like those of a purged file.
 */
@Service
public class TransferCancellation {
    /** The reason is kept in the history: long enough for a sentence, short enough for every view of it. */
    public static final int MAX_REASON_LENGTH = 500;
    static final String TEXT = "FileTransfer cancelled by the sender";
    private final TransferRepository transfers;
    private final Transitions path;
    private final TransferAccess access;
    private final AfterCommitDelete afterCommit;

    TransferCancellation(TransferRepository transfers, Transitions path, TransferAccess access,
                         AfterCommitDelete afterCommit) {
        this.transfers = transfers;
        this.path = path;
        this.access = access;
        this.afterCommit = afterCommit;
    }

    /** @param reason the sender's reason, already checked against {@link #MAX_REASON_LENGTH} */
    public void cancel(Caller caller, UUID id, Optional<String> reason) {
        // Decide before locking: in Altinn mode the decision is a remote call that must not hold the row lock.
        FileTransfer unlocked = transfers.find(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
        access.requireSender(caller, unlocked);
        afterCommit.change("a cancelled transfer", status -> markCancelled(caller, id, reason));
    }

    private AfterCommitDelete.Changed<UUID> markCancelled(Caller caller, UUID id, Optional<String> reason) {
        FileTransfer transfer = transfers.findForUpdate(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
        String text = reason.map(r -> TEXT + ": " + r).orElse(TEXT);
        if (path.apply(transfer, new Move.OfTransfer(Transition.CANCEL, Optional.of(text), caller.vendor())).isEmpty()) {
            throw new BrokerException(BrokerError.CANCEL_NOT_ALLOWED);
        }
        return new AfterCommitDelete.Changed<>(id, transfer.fileLocation());
    }
}
