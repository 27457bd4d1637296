package no.formidler.upload.tus;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.storage.BlobKey;
import no.formidler.transfer.TransferLifecycle;
import no.formidler.transfer.UploadTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * POST (creation, concatenation): creates a single upload whose id is the transfer's, or a partial one with a fresh
 * id, or the final upload that joins finished partials in the order the client lists them. The transfer moves to
 * UploadStarted here; the size limit holds for a single upload's length and for the sum of all partials, before any
 * byte is stored.
 */
@Component
class TusCreation {
    private static final Logger log = LoggerFactory.getLogger(TusCreation.class);
    private final TusUploadRepository uploads;
    private final TusStorage storage;
    private final TransferLifecycle lifecycle;
    private final TusCompletion completion;
    private final TransactionTemplate tx;
    private final TusProperties properties;
    private final Clock clock;

    TusCreation(TusUploadRepository uploads, TusStorage storage, TransferLifecycle lifecycle, TusCompletion completion,
                TransactionTemplate tx, TusProperties properties, Clock clock) {
        this.uploads = uploads;
        this.storage = storage;
        this.lifecycle = lifecycle;
        this.completion = completion;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** A creation request's headers, checked. Length is empty for a final upload. */
    record Request(TusHeaders.Concat concat, OptionalLong length, Optional<String> metadata) {
    }

    TusUpload create(Caller caller, UUID transferId, Request request) {
        storage.parted();
        List<String> abandoned = new ArrayList<>();
        TusUpload created = tx.execute(status -> {
            if (request.concat() instanceof TusHeaders.Final last) {
                return last(caller, transferId, last.partials(), abandoned);
            }
            return request.concat() instanceof TusHeaders.Partial
                    ? partial(caller, transferId, request)
                    : single(caller, transferId, request, abandoned);
        });
        abandoned.forEach(this::abortQuietly);
        if (created.finished() && created.kind() != TusUpload.Kind.PARTIAL) {
            completion.finish(created.id()).ifPresent(TusPatch::requireAccepted);
        }
        return created;
    }

    private TusUpload single(Caller caller, UUID transferId, Request request, List<String> abandoned) {
        long length = request.length().orElseThrow();
        UploadTarget target = lifecycle.startUpload(caller, transferId, OptionalLong.of(length));
        restart(transferId, abandoned);
        return insert(target, transferId, TusUpload.Kind.SINGLE, length, 0, request.metadata(), List.of());
    }

    private TusUpload partial(Caller caller, UUID transferId, Request request) {
        long length = request.length().orElseThrow();
        List<TusUpload> existing = uploads.forTransfer(transferId);
        UploadTarget target = existing.isEmpty()
                ? lifecycle.startUpload(caller, transferId, OptionalLong.of(length))
                : lifecycle.resumeUpload(caller, transferId);
        long partials = existing.stream().filter(u -> u.kind() == TusUpload.Kind.PARTIAL).mapToLong(TusUpload::length).sum();
        if (partials + length > target.maxSize()) {
            throw new BrokerException(BrokerError.FILE_SIZE_EXCEEDS_MAXIMUM);
        }
        return insert(target, UUID.randomUUID(), TusUpload.Kind.PARTIAL, length, 0, request.metadata(), List.of());
    }

    private TusUpload last(Caller caller, UUID transferId, List<UUID> partialIds, List<String> abandoned) {
        UploadTarget target = lifecycle.resumeUpload(caller, transferId);
        Set<UUID> seen = new HashSet<>();
        long length = 0;
        for (UUID id : partialIds) {
            if (!seen.add(id)) {
                throw TusError.PARTIAL_LISTED_TWICE.exception(id);
            }
            TusUpload partial = uploads.lock(id).filter(u -> u.kind() == TusUpload.Kind.PARTIAL)
                    .orElseThrow(() -> TusError.UNKNOWN_PARTIAL.exception(id));
            if (!partial.fileTransferId().equals(transferId)) {
                throw TusError.PARTIAL_OF_OTHER_TRANSFER.exception(id, transferId);
            }
            if (!partial.finished()) {
                throw TusError.PARTIAL_NOT_FINISHED.exception(id, partial.offset(), partial.length());
            }
            length += partial.length();
        }
        if (length > target.maxSize()) {
            throw new BrokerException(BrokerError.FILE_SIZE_EXCEEDS_MAXIMUM);
        }
        uploads.lock(transferId).ifPresent(old -> {
            uploads.delete(old.id());
            abandoned.add(old.partsKey());
        });
        return insert(target, transferId, TusUpload.Kind.FINAL, length, length, Optional.empty(), partialIds);
    }

    /** A new single upload replaces whatever upload the transfer had (the reference's restart). */
    private void restart(UUID transferId, List<String> abandoned) {
        for (TusUpload old : uploads.forTransfer(transferId)) {
            uploads.lock(old.id()).ifPresent(locked -> {
                uploads.delete(locked.id());
                abandoned.add(locked.partsKey());
            });
        }
    }

    private TusUpload insert(UploadTarget target, UUID id, TusUpload.Kind kind, long length, long offset,
                             Optional<String> metadata, List<UUID> concat) {
        Instant now = clock.instant();
        boolean finished = offset == length;
        TusUpload upload = new TusUpload(id, target.fileTransferId(), kind, length, offset, Optional.empty(),
                metadata, concat, BlobKey.newAttempt(target.serviceOwner(), target.fileTransferId()).value(),
                finished && kind != TusUpload.Kind.PARTIAL ? now : now.plus(properties.uploadExpiration()), finished);
        uploads.insert(upload, now);
        return upload;
    }

    private void abortQuietly(String partsKey) {
        try {
            storage.parted().abort(partsKey);
        } catch (IOException e) {
            log.warn("Could not discard the parts of {}", partsKey, e);
        }
    }
}
