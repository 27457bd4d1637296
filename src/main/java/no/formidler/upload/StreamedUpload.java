package no.formidler.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.error.ValidationException;
import no.formidler.scan.InlineScan;
import no.formidler.scan.ScanOutcome;
import no.formidler.scan.ScanSession;
import no.formidler.storage.BlobKey;
import no.formidler.storage.BlobStore;
import no.formidler.storage.StorageFullException;
import no.formidler.storage.StorageUnavailableException;
import no.formidler.transfer.StoredFile;
import no.formidler.transfer.TransferLifecycle;
import no.formidler.transfer.UploadTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Streams an upload body into the blob store (E2, and the second half of E3: docs/compatibility.md §1), counting and
 * hashing on the way. Each attempt writes under its own key, so a failed or losing attempt never touches a published
 * file. When the file must be scanned, the same bytes go to the malware scanner as they pass (read once), so a clean
 * file is published right after its last byte. A withdrawal stops the upload within
 * {@link WatchedInputStream#LOOK_EVERY} of its commit, on any node (docs/withdraw-and-notifications.md).
 */
@Service
public class StreamedUpload {
    private static final Logger log = LoggerFactory.getLogger(StreamedUpload.class);
    private final TransferLifecycle lifecycle;
    private final BlobStore store;
    private final InlineScan scan;

    StreamedUpload(TransferLifecycle lifecycle, BlobStore store, InlineScan scan) {
        this.lifecycle = lifecycle;
        this.store = store;
        this.scan = scan;
    }

    public UUID upload(Caller caller, UUID id, InputStream body, OptionalLong declaredLength) {
        UploadTarget target = lifecycle.startUpload(caller, id, declaredLength);
        String location = BlobKey.newAttempt(target.serviceOwner(), id).value();
        InputStream watched = new WatchedInputStream(new ClientInputStream(body), () -> lifecycle.withdrawn(id),
                WatchedInputStream.LOOK_EVERY);
        DigestingInputStream content = new DigestingInputStream(watched, target.maxSize());
        StoredFile file;
        ScanOutcome outcome;
        try (ScanSession session = scan.open(target.requiresScan())) {
            long size = store(target, location, session.tee(content), content);
            file = new StoredFile(location, size, content.md5Hex(), content.sha256Hex());
            outcome = session.finish();
        }
        var completion = lifecycle.completeUpload(id, file, scan.verdict(outcome, file));
        switch (completion) {
            case PUBLISHED, PROCESSING -> {
                return id;
            }
            case SCAN_FAILED -> {
                // Deleted after the failure committed, not under the outbox's lock; the sender learns it from the status.
                deleteQuietly(location);
                return id;
            }
            case CHECKSUM_MISMATCH -> {
                deleteQuietly(location);
                throw new BrokerException(BrokerError.CHECKSUM_MISMATCH);
            }
            default -> {
                deleteQuietly(location);
                throw new BrokerException(lifecycle.withdrawn(id)
                        ? BrokerError.UPLOAD_STOPPED_BY_CANCEL : BrokerError.FILE_TRANSFER_ALREADY_UPLOADED);
            }
        }
    }

    private long store(UploadTarget target, String location, InputStream stream, DigestingInputStream content) {
        UUID id = target.fileTransferId();
        try {
            return store.write(location, stream);
        } catch (ScanSession.ScanSizeLimitExceededException e) {
            lifecycle.failUpload(id, e.verdict().failureText());
            throw new BrokerException(BrokerError.FILE_SIZE_EXCEEDS_MAXIMUM);
        } catch (DigestingInputStream.SizeLimitExceededException e) {
            lifecycle.failUpload(id, scan.sizeExceededText(target));
            throw new BrokerException(BrokerError.FILE_SIZE_EXCEEDS_MAXIMUM);
        } catch (WatchedInputStream.UploadStoppedException e) {
            log.info("Upload of {} stopped after {} bytes: {}", id, content.count(), e.getMessage());
            deleteQuietly(location);
            throw new BrokerException(BrokerError.UPLOAD_STOPPED_BY_CANCEL);
        } catch (ClientInputStream.ClientGoneException e) {
            log.info("Upload of {} broke off after {} bytes: {}", id, content.count(), e.getCause().toString());
            lifecycle.failUpload(id, "File upload failed and was aborted");
            // A multipart body that breaks its rules after the file began says what was wrong; the file is not kept.
            String why = e.getCause() instanceof MalformedMultipartException malformed ? malformed.getMessage()
                    : "The upload body ended early or could not be read.";
            throw ValidationException.of("body", why + " The transfer is now Failed.");
        } catch (StorageFullException e) {
            // Nothing was stored (the store removed its partial file) and the transfer stays UploadStarted.
            log.warn("The blob store is full; upload of {} may be retried once there is room: {}", id, e.getMessage());
            throw new BrokerException(BrokerError.STORAGE_FULL);
        } catch (StorageUnavailableException e) {
            // Nothing was stored and the transfer stays UploadStarted: the sender can simply upload again later.
            log.warn("The blob store is unavailable; upload of {} may be retried: {}", id, e.getMessage());
            throw new BrokerException(BrokerError.STORAGE_NOT_READY);
        } catch (IOException e) {
            log.error("Storing the upload of {} failed", id, e);
            lifecycle.failUpload(id, "Error occurred while uploading fileTransfer");
            throw new BrokerException(BrokerError.UPLOAD_FAILED);
        }
    }

    private void deleteQuietly(String location) {
        try {
            store.delete(location);
        } catch (IOException e) {
            log.warn("Could not delete the unused blob {}", location, e);
        }
    }
}
