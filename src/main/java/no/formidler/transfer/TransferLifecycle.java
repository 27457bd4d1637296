package no.formidler.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.events.EventOutbox;
import no.formidler.events.EventType;
import no.formidler.events.Role;
import no.formidler.events.TransferEvent;
import no.formidler.resource.Resource;
import no.formidler.resource.ResourceCatalog;
import no.formidler.system.FormidlerProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The upload side of a transfer's life: start, complete, fail. Each change is one guarded update with its history
 * row and its events in one transaction, so it happens once however often it is attempted.
 */
@Service
public class TransferLifecycle {
    private final TransferRepository transfers;
    private final TransferAccess access;
    private final ResourceCatalog resources;
    private final EventOutbox outbox;
    private final FormidlerProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher springEvents;

    TransferLifecycle(TransferRepository transfers, TransferAccess access, ResourceCatalog resources,
                      EventOutbox outbox, FormidlerProperties properties, Clock clock,
                      ApplicationEventPublisher springEvents) {
        this.transfers = transfers;
        this.access = access;
        this.resources = resources;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.springEvents = springEvents;
    }

    /**
     * Checks that the caller may upload to the transfer now (E2 steps 1–2) and records {@code UploadStarted}.
     *
     * @param declaredLength the Content-Length, when the client sent one: checked before any byte is read
     */
    @Transactional
    public UploadTarget startUpload(Caller caller, UUID id, OptionalLong declaredLength) {
        // Decide before locking: in Altinn mode the decision is a remote call that must not hold the row lock.
        FileTransfer unlocked = transfers.find(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
        access.requireSender(caller, unlocked);
        FileTransfer transfer = transfers.findForUpdate(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
        if (!transfer.status().acceptsUpload()) {
            throw new BrokerException(BrokerError.FILE_TRANSFER_ALREADY_UPLOADED);
        }
        Resource resource = resources.find(transfer.resourceId())
                .orElseThrow(() -> new BrokerException(BrokerError.RESOURCE_NOT_REGISTERED));
        long maxSize = maxSize(resource, transfer);
        if (declaredLength.isPresent() && declaredLength.getAsLong() > maxSize) {
            throw new BrokerException(BrokerError.FILE_SIZE_EXCEEDS_MAXIMUM);
        }
        transfers.transition(id, TransferStatus.UploadStarted.reachableFrom(), TransferStatus.UploadStarted,
                Optional.empty(), now(), caller.vendor());
        return new UploadTarget(id, resource.serviceOwner().number(), maxSize, requiresScan(transfer));
    }

    /**
     * The checks of {@link #startUpload} without its change: may the caller go on with an upload already started
     * (a resumed upload's next piece)? Nothing is recorded.
     */
    @Transactional(readOnly = true)
    public UploadTarget resumeUpload(Caller caller, UUID id) {
        FileTransfer transfer = transfers.find(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
        access.requireSender(caller, transfer);
        if (!transfer.status().acceptsUpload()) {
            throw new BrokerException(BrokerError.FILE_TRANSFER_ALREADY_UPLOADED);
        }
        Resource resource = resources.find(transfer.resourceId())
                .orElseThrow(() -> new BrokerException(BrokerError.RESOURCE_NOT_REGISTERED));
        return new UploadTarget(id, resource.serviceOwner().number(), maxSize(resource, transfer));
    }

    private long maxSize(Resource resource, FileTransfer transfer) {
        long max = resource.maxFileTransferSize().orElse(Resource.GLOBAL_MAX_SIZE);
        return requiresScan(transfer)
                ? Math.min(max, Math.min(Resource.SCANNED_MAX_SIZE, properties.scannerStreamLimit().orElse(Resource.SCANNED_MAX_SIZE))) : max;
    }

    private boolean requiresScan(FileTransfer transfer) {
        return properties.malwareScanning() && transfer.useVirusScan();
    }

    /** What became of a completed upload. */
    public enum Completion { PUBLISHED, CHECKSUM_MISMATCH, NOT_ACCEPTED, PROCESSING }

    /**
     * Records a stored file: verifies the MD5 given at initialize and publishes, or, when the file must be scanned
     * first, moves to UploadProcessing ({@code PROCESSING}) until the scanner's verdict ({@link UploadAwaitingScan}).
     * {@code NOT_ACCEPTED} when the transfer no longer takes an upload (another upload finished first): the caller
     * must delete its blob.
     */
    @Transactional
    public Completion completeUpload(UUID id, StoredFile file) {
        FileTransfer transfer = transfers.findForUpdate(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
        if (transfer.status() != TransferStatus.UploadStarted || transfer.fileLocation().isPresent()) {
            return Completion.NOT_ACCEPTED;
        }
        Instant now = now();
        if (transfer.checksum().isPresent() && !transfer.checksum().get().equalsIgnoreCase(file.md5())) {
            fail(transfer, "Checksum mismatch", now);
            return Completion.CHECKSUM_MISMATCH;
        }
        transfers.recordFile(id, file.location(), file.size(), file.md5(), file.sha256());
        if (requiresScan(transfer)) {
            if (transfers.transition(id, TransferStatus.UploadProcessing.reachableFrom(), TransferStatus.UploadProcessing,
                    Optional.empty(), now, Optional.empty())) {
                outbox.append(List.of(senderEvent(EventType.UPLOAD_PROCESSING, transfer, now)));
                springEvents.publishEvent(new UploadAwaitingScan(id));
            }
            return Completion.PROCESSING;
        }
        if (transfers.transition(id, TransferStatus.Published.reachableFrom(), TransferStatus.Published, Optional.empty(), now, Optional.empty())) {
            outbox.append(publishedEvents(transfer, now));
        }
        return Completion.PUBLISHED;
    }

    /** Marks an upload that broke off as failed; a transfer no longer uploading is left as it is. */
    @Transactional
    public void failUpload(UUID id, String reason) {
        transfers.findForUpdate(id).ifPresent(transfer -> fail(transfer, reason, now()));
    }

    /**
     * Only an upload in progress fails here: a transfer whose file is already stored (waiting for its malware scan,
     * or published) is not failed by another attempt that broke off; only its scan verdict may fail it.
     */
    private void fail(FileTransfer transfer, String reason, Instant now) {
        if (transfers.transition(transfer.id(), EnumSet.of(TransferStatus.UploadStarted), TransferStatus.Failed,
                Optional.of(reason), now, Optional.empty())) {
            outbox.append(List.of(senderEvent(EventType.UPLOAD_FAILED, transfer, now)));
        }
    }

    static List<TransferEvent> publishedEvents(FileTransfer transfer, Instant now) {
        List<TransferEvent> events = new ArrayList<>();
        events.add(senderEvent(EventType.PUBLISHED, transfer, now));
        transfer.recipients().forEach(r -> events.add(new TransferEvent(EventType.PUBLISHED, transfer.resourceId(),
                transfer.id(), r.organization(), r.organization().prefixed(), Role.Recipient, now)));
        return events;
    }

    static TransferEvent senderEvent(EventType type, FileTransfer transfer, Instant now) {
        return new TransferEvent(type, transfer.resourceId(), transfer.id(), transfer.senderOrganization(),
                transfer.sender(), Role.Sender, now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
