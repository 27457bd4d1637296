package no.formidler.upload.tus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.storage.DigestingComposer;
import no.formidler.storage.FileDigests;
import no.formidler.storage.PartedBlobStore.PartedUpload;
import no.formidler.storage.StorageFullException;
import no.formidler.transfer.StoredFile;
import no.formidler.transfer.TransferLifecycle;
import no.formidler.transfer.TransferLifecycle.Completion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a finished upload into the transfer's file, once: joins its parts into the blob and completes the transfer
 * exactly as a streamed upload does (same statuses, same events). Safe to call again and from any node (after a
 * crash between storing the last byte and completing): the upload's lease lets one caller do it (a crashed caller's
 * runs out), the blob key fixed at creation makes composing idempotent, and the completion and the removal of the
 * upload commit together, in a transaction that opens only after the file is joined and hashed.
 */
@Component
class TusCompletion {
    private static final Logger log = LoggerFactory.getLogger(TusCompletion.class);
    private final TusUploadRepository uploads;
    private final TusLeases leases;
    private final NodeDigests digests;
    private final TusStorage storage;
    private final TransferLifecycle lifecycle;
    private final TransactionTemplate tx;

    TusCompletion(TusUploadRepository uploads, TusLeases leases, NodeDigests digests, TusStorage storage,
                  TransferLifecycle lifecycle, TransactionTemplate tx) {
        this.uploads = uploads;
        this.leases = leases;
        this.digests = digests;
        this.storage = storage;
        this.lifecycle = lifecycle;
        this.tx = tx;
    }

    /** Completes the finished upload {@code id}; empty when there is nothing to do or another request is at it. */
    Optional<Completion> finish(UUID id) {
        Optional<TusUpload> finished = uploads.find(id).filter(TusCompletion::completable);
        if (finished.isEmpty()) {
            return Optional.empty();
        }
        // The upload's lease, not a row lock in an open transaction, keeps a second completion (on any node) out while
        // the parts are joined and the file re-read: no database connection waits on that I/O. The completion itself
        // then commits in one short transaction, only if the lease is still ours.
        TusLeases.Lease lease;
        try {
            lease = leases.take(new UploadRef(finished.get().fileTransferId(), id));
        } catch (TusUploadRepository.UploadLockedException | TusError.TusException atItOrGone) {
            return Optional.empty(); // another request holds the lease, or completed and removed the upload
        }
        Optional<Done> done;
        try (lease) {
            if (!completable(lease.upload())) {
                return Optional.empty();
            }
            done = Optional.ofNullable(complete(lease));
        } catch (TusLeases.LeaseLostException e) {
            return Optional.empty(); // whoever took the upload over completes it, or the next HEAD or sweep does
        } catch (StorageFullException e) {
            // Nothing of the joined file was kept; the upload stays finished, and the next PATCH, HEAD or sweep retries.
            log.warn("Finishing the TUS upload {}: the blob store is full: {}", id, e.getMessage());
            throw new BrokerException(BrokerError.STORAGE_FULL);
        } catch (UncheckedIOException | IOException e) {
            log.error("Finishing the TUS upload {} failed; it stays finished and will be retried", id,
                    e instanceof UncheckedIOException u ? u.getCause() : e);
            throw new BrokerException(BrokerError.UPLOAD_FAILED);
        }
        // A refused file is deleted; a published one, or one waiting for its malware scan, is the transfer's file.
        done.filter(d -> d.completion() == Completion.CHECKSUM_MISMATCH || d.completion() == Completion.NOT_ACCEPTED)
                .ifPresent(d -> deleteQuietly(d.blobKey()));
        return done.map(Done::completion);
    }

    private static boolean completable(TusUpload upload) {
        return upload.finished() && upload.kind() != TusUpload.Kind.PARTIAL;
    }

    private record Done(Completion completion, String blobKey) {
    }

    /** Joins and hashes the file under the lease, outside any transaction; null when the lease was lost meanwhile. */
    private Done complete(TusLeases.Lease lease) throws IOException {
        TusUpload upload = lease.upload();
        List<TusUpload> sources = sources(upload);
        List<PartedUpload> parts = new ArrayList<>();
        for (TusUpload source : sources) {
            parts.add(new PartedUpload(source.partsKey(), uploads.parts(source.id())));
        }
        StoredFile file = store(upload, parts);
        lease.requireHeld();
        return tx.execute(status -> uploads.lockLeased(upload.id(), lease.owner()).map(held -> {
            Completion completion = lifecycle.completeUpload(upload.fileTransferId(), file);
            sources.forEach(source -> uploads.delete(source.id()));
            uploads.delete(upload.id());
            return new Done(completion, upload.blobKey());
        }).orElse(null));
    }

    /**
     * Joins the parts into the blob with its digests: the running ones of this node's chunks if it has them, else
     * read once more, by the store itself if it can read its joined blobs faster than a plain read. The running
     * digests are taken out before the join, so a join that fails leaves its retry to hash the file again.
     */
    private StoredFile store(TusUpload upload, List<PartedUpload> parts) throws IOException {
        Optional<FileDigests> running = upload.kind() == TusUpload.Kind.FINAL ? Optional.empty() : digests.take(upload);
        if (running.isEmpty() && upload.length() > 0 && storage.parted() instanceof DigestingComposer composer) {
            DigestingComposer.Composed composed = composer.composeDigested(upload.blobKey(), parts);
            return stored(upload.blobKey(), composed.size(), composed.digests());
        }
        long size = upload.length() == 0
                ? storage.blobs().write(upload.blobKey(), InputStream.nullInputStream())
                : storage.parted().compose(upload.blobKey(), parts);
        return running.isPresent() ? stored(upload.blobKey(), size, running.get().finish()) : reread(upload.blobKey(), size);
    }

    private List<TusUpload> sources(TusUpload upload) {
        if (upload.kind() != TusUpload.Kind.FINAL) {
            return List.of(upload);
        }
        return upload.concatParts().stream()
                .map(partial -> uploads.find(partial).orElseThrow(() -> new IllegalStateException(
                        "The partial upload " + partial + " of final upload " + upload.id() + " is gone")))
                .toList();
    }

    private static StoredFile stored(String blobKey, long size, FileDigests.Hex hex) {
        return new StoredFile(blobKey, size, hex.md5(), hex.sha256());
    }

    /**
     * The digests of the joined file read once more: a concatenated file's partials are not hashed (MD5/SHA-256 do
     * not combine), and an upload whose last chunk another node stored, or stored before a restart, has no running
     * digests on this node. The one time a client waits for a re-read.
     */
    private StoredFile reread(String blobKey, long size) throws IOException {
        try (InputStream in = storage.blobs().read(blobKey, 0, size)) {
            return stored(blobKey, size, FileDigests.of(in));
        }
    }

    private void deleteQuietly(String blobKey) {
        try {
            storage.blobs().delete(blobKey);
        } catch (IOException e) {
            log.warn("Could not delete the unused blob {}", blobKey, e);
        }
    }
}
