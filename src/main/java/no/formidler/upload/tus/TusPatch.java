package no.formidler.upload.tus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.storage.FileDigests;
import no.formidler.storage.PartedBlobStore;
import no.formidler.storage.PartedBlobStore.Part;
import no.formidler.storage.StorageFullException;
import no.formidler.transfer.TransferLifecycle;
import no.formidler.transfer.TransferLifecycle.Completion;
import no.formidler.upload.WatchedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * PATCH (TUS core + checksum + expiration): appends one chunk at the upload's offset. The PATCH holds the upload's
 * lease while the body streams ({@link TusLeases}), so two PATCHes to one upload, on any nodes, take turns (the second
 * gets 423 at once), and no database connection waits on a slow client. The chunk is stored durably before its offset
 * is committed, and the 204 is sent only after that commit: the offset a client is told is never ahead of what is
 * stored.
 */
@Component
class TusPatch {
    private static final Logger log = LoggerFactory.getLogger(TusPatch.class);
    private final TusUploadRepository uploads;
    private final TusLeases leases;
    private final NodeDigests digests;
    private final TusStorage storage;
    private final TransferLifecycle lifecycle;
    private final TusCompletion completion;
    private final TusProperties properties;
    private final Clock clock;

    TusPatch(TusUploadRepository uploads, TusLeases leases, NodeDigests digests, TusStorage storage,
             TransferLifecycle lifecycle, TusCompletion completion, TusProperties properties,
             Clock clock) {
        this.uploads = uploads;
        this.leases = leases;
        this.digests = digests;
        this.storage = storage;
        this.lifecycle = lifecycle;
        this.completion = completion;
        this.properties = properties;
        this.clock = clock;
    }

    /** A chunk: where the client says it starts, its checksum if any, its declared length if any. */
    record Chunk(long offset, Optional<TusHeaders.ChunkChecksum> checksum, OptionalLong contentLength, InputStream body) {
    }

    /** The upload's offset after the chunk, and until when it lives. */
    record Appended(long offset, Optional<Instant> expires) {
    }

    Appended patch(Caller caller, UploadRef ref, Chunk chunk) {
        lifecycle.resumeUpload(caller, ref.fileTransferId());
        Stored stored;
        try (TusLeases.Lease lease = leases.take(ref)) {
            stored = append(ref, lease, chunk);
        } catch (UncheckedIOException e) {
            log.error("Storing a chunk of TUS upload {} failed", ref.uploadId(), e.getCause());
            throw new BrokerException(BrokerError.UPLOAD_FAILED);
        }
        if (stored.finished() && !ref.partial()) {
            completion.finish(ref.uploadId()).ifPresent(TusPatch::requireAccepted);
        }
        return new Appended(stored.offset(), stored.finished() && !ref.partial() ? Optional.empty() : Optional.of(stored.expires()));
    }

    /** What was committed. */
    private record Stored(long offset, Instant expires, boolean finished) {
    }

    private Stored append(UploadRef ref, TusLeases.Lease lease, Chunk chunk) {
        Instant now = clock.instant();
        TusUpload upload = Optional.of(lease.upload()).filter(ref::owns).filter(u -> !u.expiredAt(now))
                .orElseThrow(TusError.UPLOAD_NOT_FOUND::exception);
        if (upload.kind() == TusUpload.Kind.FINAL) {
            throw TusError.FINAL_NOT_PATCHABLE.exception();
        }
        if (upload.finished() && chunk.offset() >= upload.length()) {
            // The client did not hear our 204 to its last chunk and sends it again: it is stored, say so.
            return new Stored(upload.length(), now, true);
        }
        if (chunk.offset() != upload.offset()) {
            throw TusError.OFFSET_MISMATCH.exception(upload.offset(), chunk.offset());
        }
        if (chunk.contentLength().isPresent() && chunk.contentLength().getAsLong() > upload.remaining()) {
            throw TusError.TOO_MUCH_DATA.exception(upload.remaining());
        }
        // A partial's digests would be thrown away: the final upload hashes the joined file.
        Optional<FileDigests> running = upload.kind() == TusUpload.Kind.PARTIAL ? Optional.empty() : digests.take(upload);
        InputStream watched = new WatchedInputStream(chunk.body(), () -> lifecycle.withdrawn(ref.fileTransferId()),
                WatchedInputStream.LOOK_EVERY);
        ChunkInputStream body = new ChunkInputStream(watched, lease, running, chunk.checksum());
        Part part = write(upload, lease.parts(), body);
        if (!body.checksumMatches(chunk.checksum())) {
            throw TusError.CHECKSUM_MISMATCH.exception(); // nothing recorded; the stored bytes are overwritten next time
        }
        if (part.size() == 0) {
            running.ifPresent(d -> upload.digestsId().ifPresent(id -> digests.keep(id, d)));
            return new Stored(upload.offset(), upload.expires(), false);
        }
        long offset = upload.offset() + part.size();
        boolean finished = offset == upload.length();
        Instant expires = finished && upload.kind() == TusUpload.Kind.SINGLE ? now : now.plus(properties.uploadExpiration());
        Optional<UUID> digestsId = running.map(d -> UUID.randomUUID());
        if (!uploads.recordPart(upload.id(), lease.owner(), part, digestsId, expires, finished)) {
            throw TusError.LOCKED.exception(); // the lease ran out and another request took the upload over
        }
        lease.endedByCommit();
        digestsId.ifPresent(id -> digests.keep(id, running.orElseThrow()));
        if (body.clientGone()) {
            log.info("TUS upload {}: the client went away; kept the {} bytes that arrived, offset now {}",
                    upload.id(), part.size(), offset);
        }
        return new Stored(offset, expires, finished);
    }

    private Part write(TusUpload upload, int parts, ChunkInputStream body) {
        try {
            return storage.parted().writePart(upload.partsKey(), staging(upload), parts + 1, upload.offset(), body);
        } catch (ChunkInputStream.TooMuchDataException e) {
            throw TusError.TOO_MUCH_DATA.exception(upload.remaining());
        } catch (ChunkInputStream.ClientGoneException e) {
            throw TusError.CHECKSUM_MISMATCH.exception();
        } catch (TusLeases.LeaseLostException e) {
            throw TusError.LOCKED.exception();
        } catch (WatchedInputStream.UploadStoppedException e) {
            // Nothing recorded; the withdrawal let the upload expire, and the sweep discards its parts.
            log.info("TUS upload {} stopped mid-chunk: {}", upload.id(), e.getMessage());
            throw new BrokerException(BrokerError.UPLOAD_STOPPED_BY_CANCEL);
        } catch (StorageFullException e) {
            // The store cut the chunk off; the offset stays the last one acknowledged, and the client may resume.
            log.warn("TUS upload {}: the blob store is full: {}", upload.id(), e.getMessage());
            throw new BrokerException(BrokerError.STORAGE_FULL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PartedBlobStore.Staging staging(TusUpload upload) {
        return upload.kind() == TusUpload.Kind.PARTIAL ? PartedBlobStore.Staging.JOINED : PartedBlobStore.Staging.WHOLE;
    }

    /** Published, or stored and waiting for its malware scan, is success; anything else is the client's error. */
    static void requireAccepted(Completion completion) {
        switch (completion) {
            case PUBLISHED, PROCESSING -> {
            }
            case CHECKSUM_MISMATCH -> throw new BrokerException(BrokerError.CHECKSUM_MISMATCH);
            case NOT_ACCEPTED -> throw new BrokerException(BrokerError.FILE_TRANSFER_ALREADY_UPLOADED);
        }
    }
}
