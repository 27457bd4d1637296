package no.formidler.transfer;

import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirm download (E8, docs/compatibility.md §1). The transfer row is locked while confirming, so when the last two
 * recipients confirm at once, the second sees the first and the transfer does reach AllConfirmedDownloaded ({@link
 * PurgeAfterConfirmation} then moves its purge forward).
 */
@Service
public class DownloadConfirmation {
    private final TransferRepository transfers;
    private final Transitions path;
    private final TransferAccess access;

    DownloadConfirmation(TransferRepository transfers, Transitions path, TransferAccess access) {
        this.transfers = transfers;
        this.path = path;
        this.access = access;
    }

    @Transactional
    public void confirm(Caller caller, UUID id) {
        // Decide before locking: in Altinn mode the decision is a remote call that must not hold the row lock.
        FileTransfer unlocked = transfers.require(id);
        Organization recipient = access.requireRecipient(caller, unlocked);
        FileTransfer transfer = transfers.requireForUpdate(id);
        RecipientStatus current = transfer.recipient(recipient).orElseThrow().status();
        if (current == RecipientStatus.DownloadConfirmed) {
            return; // a retry, also after the transfer moved on to AllConfirmedDownloaded: the same 204
        }
        if (transfer.fileLocation().isEmpty()) {
            throw new BrokerException(BrokerError.NO_FILE_UPLOADED);
        }
        if (transfer.status() != TransferStatus.Published) {
            throw new BrokerException(BrokerError.CONFIRM_ONLY_WHEN_PUBLISHED);
        }
        if (current != RecipientStatus.DownloadStarted) {
            throw new BrokerException(BrokerError.CONFIRM_BEFORE_DOWNLOAD);
        }
        Move confirmed = new Move.OfRecipient(recipient, RecipientTransition.CONFIRM_DOWNLOAD, caller.vendor(), false);
        if (transfer.allOthersConfirmed(recipient)) {
            path.apply(transfer, confirmed, Move.of(Transition.CONFIRM_ALL));
        } else {
            path.apply(transfer, confirmed);
        }
    }
}
