package no.formidler.transfer;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.resource.Resource;
import no.formidler.resource.ResourceCatalog;
import no.formidler.system.FormidlerProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The upload side of a transfer's life: start, complete, fail. Each change is one guarded update with its history
 * row and its events in one transaction, so it happens once however often it is attempted.
 */
@Service
public class TransferLifecycle {
    private final TransferRepository transfers;
    private final Transitions path;
    private final TransferAccess access;
    private final ResourceCatalog resources;
    private final FormidlerProperties properties;
    private final ScanHistory scans;
    private final ScanSchedule backgroundScans;

    TransferLifecycle(TransferRepository transfers, Transitions path, TransferAccess access, ResourceCatalog resources,
                      FormidlerProperties properties, ScanHistory scans, ScanSchedule backgroundScans) {
        this.transfers = transfers;
        this.path = path;
        this.access = access;
        this.resources = resources;
        this.properties = properties;
        this.scans = scans;
        this.backgroundScans = backgroundScans;
    }

    /**
     * Checks that the caller may upload to the transfer now (docs/compatibility.md §5.2) and records {@code
     * UploadStarted}.
     *
     * @param declaredLength the Content-Length, when the client sent one: checked before any byte is read
     */
    @Transactional
    public UploadTarget startUpload(Caller caller, UUID id, OptionalLong declaredLength) {
        // Decide before locking: in Altinn mode the decision is a remote call that must not hold the row lock.
        FileTransfer unlocked = transfers.require(id);
        access.requireSender(caller, unlocked);
        FileTransfer transfer = transfers.requireForUpdate(id);
        if (!transfer.status().acceptsUpload()) {
            throw new BrokerException(BrokerError.FILE_TRANSFER_ALREADY_UPLOADED);
        }
        Resource resource = resources.find(transfer.resourceId())
                .orElseThrow(() -> new BrokerException(BrokerError.RESOURCE_NOT_REGISTERED));
        long maxSize = maxSize(resource, transfer.useVirusScan());
        if (declaredLength.isPresent() && declaredLength.getAsLong() > maxSize) {
            throw new BrokerException(BrokerError.FILE_SIZE_EXCEEDS_MAXIMUM);
        }
        path.apply(transfer, new Move.OfTransfer(Transition.START_UPLOAD, Optional.empty(), caller.vendor()));
        return new UploadTarget(id, resource.serviceOwner().number(), maxSize, requiresScan(transfer.useVirusScan()));
    }

    /**
     * The checks of {@link #startUpload} without its change: may the caller go on with an upload already started
     * (a resumed upload's next piece)? Nothing is recorded. No transaction and no recipients: a TUS PATCH asks once
     * per chunk, and no bytes flow during its round trips; the reads are by primary key and each is a check on its own.
     */
    public UploadTarget resumeUpload(Caller caller, UUID id) {
        TransferRepository.UploadCheck transfer = transfers.requireUploadCheck(id);
        access.requireSender(caller, transfer.resourceId(), transfer.sender());
        if (!transfer.status().acceptsUpload()) {
            throw new BrokerException(BrokerError.FILE_TRANSFER_ALREADY_UPLOADED);
        }
        Resource resource = resources.find(transfer.resourceId())
                .orElseThrow(() -> new BrokerException(BrokerError.RESOURCE_NOT_REGISTERED));
        return new UploadTarget(id, resource.serviceOwner().number(), maxSize(resource, transfer.useVirusScan()));
    }

    private long maxSize(Resource resource, boolean useVirusScan) {
        long max = resource.maxFileTransferSize().orElse(Resource.GLOBAL_MAX_SIZE);
        return requiresScan(useVirusScan)
                ? Math.min(max, Math.min(Resource.SCANNED_MAX_SIZE, properties.scannerStreamLimit().orElse(Resource.SCANNED_MAX_SIZE))) : max;
    }

    private boolean requiresScan(boolean useVirusScan) {
        return properties.malwareScanning() && useVirusScan;
    }

    /**
     * Whether the sender has withdrawn the transfer ({@code Cancelled}): an upload in flight then stops. Read from the
     * database without a lock, by the primary key, so a withdrawal on any node is seen.
     */
    public boolean withdrawn(UUID id) {
        return transfers.status(id).filter(s -> s == TransferStatus.Cancelled).isPresent();
    }

    /**
     * What became of a completed upload. The caller deletes the stored file unless it became the transfer's file
     * ({@code PUBLISHED}, {@code PROCESSING}); it answers the sender with success for {@code SCAN_FAILED} too.
     */
    public enum Completion { PUBLISHED, CHECKSUM_MISMATCH, NOT_ACCEPTED, PROCESSING, SCAN_FAILED }

    /** {@link #completeUpload(UUID, StoredFile, Optional)} without a verdict from an inline scan. */
    @Transactional
    public Completion completeUpload(UUID id, StoredFile file) {
        return completeUpload(id, file, Optional.empty());
    }

    /**
     * Records a stored file: verifies the MD5 given at initialize and publishes, or, when the file must be scanned
     * first, moves to UploadProcessing and applies the verdict of the scan made while the file streamed in
     * ({@code inlineVerdict}); without one the file is scanned in the background ({@code PROCESSING}). All in one
     * transaction, so a clean file is published right after its last byte. {@code NOT_ACCEPTED} when the transfer no
     * longer takes an upload (another upload finished first).
     */
    @Transactional
    public Completion completeUpload(UUID id, StoredFile file, Optional<ScanVerdict> inlineVerdict) {
        FileTransfer transfer = transfers.requireForUpdate(id);
        if (transfer.status() != TransferStatus.UploadStarted || transfer.fileLocation().isPresent()) {
            return Completion.NOT_ACCEPTED;
        }
        if (transfer.checksum().isPresent() && !transfer.checksum().get().equalsIgnoreCase(file.md5())) {
            path.apply(transfer, Move.of(Transition.FAIL_UPLOAD, "Checksum mismatch"));
            return Completion.CHECKSUM_MISMATCH;
        }
        transfers.recordFile(id, file.location(), file.size(), file.md5(), file.sha256());
        transfer = transfer.withFile(file);
        if (!requiresScan(transfer.useVirusScan())) {
            path.apply(transfer, Move.of(Transition.PUBLISH));
            return Completion.PUBLISHED;
        }
        if (inlineVerdict.isEmpty()) {
            backgroundScans.scanStoredFile(id);
            path.apply(transfer, Move.of(Transition.AWAIT_SCAN));
            return Completion.PROCESSING;
        }
        ScanVerdict verdict = inlineVerdict.get();
        scans.record(id, verdict.record());
        path.apply(transfer, Move.of(Transition.AWAIT_SCAN), verdict.move());
        return verdict.clean() ? Completion.PUBLISHED : Completion.SCAN_FAILED;
    }

    /** Marks an upload that broke off as failed; a transfer no longer uploading is left as it is. */
    @Transactional
    public void failUpload(UUID id, String reason) {
        transfers.findForUpdate(id).ifPresent(transfer -> fail(transfer, reason));
    }

    /** Only an upload in progress fails (see {@link Transition#FAIL_UPLOAD}). */
    private void fail(FileTransfer transfer, String reason) {
        path.apply(transfer, Move.of(Transition.FAIL_UPLOAD, reason));
    }
}
