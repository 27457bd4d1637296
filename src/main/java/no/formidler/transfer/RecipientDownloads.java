package no.formidler.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    RecipientDownloads(TransferRepository transfers, Transitions path, TransferAccess access) {
        this.transfers = transfers;
        this.path = path;
        this.access = access;
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

    @Transactional
    public void recordDownloadStarted(DownloadableFile file, Optional<Organization> vendor, boolean ranged) {
        Instant since = path.now().minus(RANGED_DEBOUNCE);
        if (ranged && transfers.rangedDownloadRecordedSince(file.fileTransferId(), file.recipient(), since)) {
            return;
        }
        path.apply(file.transfer(), new Move.OfRecipient(file.recipient(), RecipientTransition.START_DOWNLOAD, vendor, ranged));
    }
}
