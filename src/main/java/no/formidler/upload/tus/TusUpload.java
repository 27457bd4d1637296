package no.formidler.upload.tus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One TUS upload resource as stored: how long it is and how much of it is durably stored.
 *
 * @param digestsId   the in-memory digests of exactly the stored bytes, on the node that stored the last chunk
 *                    ({@link NodeDigests}); empty when nobody holds them
 * @param concatParts a final upload's partial uploads, in the order of its {@code Upload-Concat} header
 * @param blobKey     where the finished file goes; fixed at creation so that finishing again is idempotent
 * @param finished    every byte is stored; the upload is complete or its completion is pending
 */
record TusUpload(UUID id, UUID fileTransferId, Kind kind, long length, long offset, Optional<UUID> digestsId,
                 Optional<String> metadata, List<UUID> concatParts, String blobKey, Instant expires, boolean finished) {

    enum Kind {
        SINGLE, PARTIAL, FINAL;

        String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String dbValue) {
            return valueOf(dbValue.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The key of this upload's parts in the {@link no.formidler.storage.PartedBlobStore}. */
    String partsKey() {
        return "tus-" + id;
    }

    long remaining() {
        return length - offset;
    }

    boolean expiredAt(Instant now) {
        return (!finished || kind == Kind.PARTIAL) && !expires.isAfter(now);
    }
}
