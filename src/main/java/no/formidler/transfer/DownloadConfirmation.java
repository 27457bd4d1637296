package no.formidler.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.events.EventOutbox;
import no.formidler.events.EventType;
import no.formidler.events.Role;
import no.formidler.events.TransferEvent;
import no.formidler.resource.Resource;
import no.formidler.resource.ResourceCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirm download (E8). The transfer row is locked while confirming, so when the last two recipients confirm at
 * once, the second sees the first and the transfer does reach AllConfirmedDownloaded.
 */
@Service
public class DownloadConfirmation {
    private final TransferRepository transfers;
    private final TransferAccess access;
    private final EventOutbox outbox;
    private final Clock clock;
    private final ResourceCatalog resources;
    private final PurgeSchedule purges;

    DownloadConfirmation(TransferRepository transfers, TransferAccess access, EventOutbox outbox, Clock clock,
                         ResourceCatalog resources, PurgeSchedule purges) {
        this.transfers = transfers;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
        this.resources = resources;
        this.purges = purges;
    }

    @Transactional
    public void confirm(Caller caller, UUID id) {
        // Decide before locking: in Altinn mode the decision is a remote call that must not hold the row lock.
        FileTransfer unlocked = transfers.find(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
        Organization recipient = access.requireRecipient(caller, unlocked);
        FileTransfer transfer = transfers.findForUpdate(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
        if (transfer.fileLocation().isEmpty()) {
            throw new BrokerException(BrokerError.NO_FILE_UPLOADED);
        }
        if (transfer.status() != TransferStatus.Published) {
            throw new BrokerException(BrokerError.CONFIRM_ONLY_WHEN_PUBLISHED);
        }
        RecipientStatus current = transfer.recipient(recipient).orElseThrow().status();
        if (current == RecipientStatus.DownloadConfirmed) {
            return;
        }
        if (current != RecipientStatus.DownloadStarted) {
            throw new BrokerException(BrokerError.CONFIRM_BEFORE_DOWNLOAD);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transfers.recordRecipientStatus(id, recipient, RecipientStatus.DownloadConfirmed, now, caller.vendor(), false);
        List<TransferEvent> events = new ArrayList<>(List.of(
                new TransferEvent(EventType.DOWNLOAD_CONFIRMED, transfer.resourceId(), id, recipient,
                        recipient.prefixed(), Role.Recipient, now),
                new TransferEvent(EventType.DOWNLOAD_CONFIRMED, transfer.resourceId(), id,
                        transfer.senderOrganization(), transfer.sender(), Role.Sender, now, recipient.prefixed())));
        if (transfer.allOthersConfirmed(recipient) && transfers.transition(id,
                TransferStatus.AllConfirmedDownloaded.reachableFrom(), TransferStatus.AllConfirmedDownloaded,
                Optional.empty(), now, Optional.empty())) {
            events.add(TransferLifecycle.senderEvent(EventType.ALL_CONFIRMED_DOWNLOADED, transfer, now));
            schedulePurgeAfterGracePeriod(transfer, now);
        }
        outbox.append(events);
    }

    /** Moves the purge forward to the end of the grace period, unless the transfer expires before that anyway. */
    private void schedulePurgeAfterGracePeriod(FileTransfer transfer, Instant now) {
        resources.find(transfer.resourceId())
                .filter(Resource::purgeAfterAllRecipientsConfirmed)
                .map(resource -> now.plus(resource.purgeGracePeriod()))
                .filter(graceEnds -> graceEnds.isBefore(transfer.expirationTime()))
                .ifPresent(graceEnds -> purges.purgeAt(transfer.id(), graceEnds));
    }
}
