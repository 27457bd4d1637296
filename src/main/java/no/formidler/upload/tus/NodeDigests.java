package no.formidler.upload.tus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.formidler.storage.FileDigests;
import org.springframework.stereotype.Component;

/**
 * The running digests of the uploads whose last chunk this node stored, each under the id that the upload's row names
 * ({@code digests_id}, committed with the chunk's offset): a PATCH continues them only when the row still names them,
 * so digests never cover other bytes than the stored ones, whichever node wrote in between. Bounded: the least
 * recently stored are dropped first, and an upload without digests has its finished file hashed once more.
 */
@Component
class NodeDigests {
    private static final int MAX_UPLOADS = 10_000;
    private final Map<UUID, FileDigests> byId = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, FileDigests> eldest) {
            return size() > MAX_UPLOADS;
        }
    };

    /**
     * The digests of exactly the upload's stored bytes, taken out (a PATCH that fails must not leave digests that
     * saw its bytes): fresh ones for an upload with nothing stored, empty when this node does not hold them.
     */
    synchronized Optional<FileDigests> take(TusUpload upload) {
        if (upload.offset() == 0) {
            upload.digestsId().ifPresent(byId::remove);
            return Optional.of(new FileDigests());
        }
        return upload.digestsId().map(byId::remove);
    }

    /** Keeps the digests of the stored bytes under the id just committed with them. */
    synchronized void keep(UUID digestsId, FileDigests digests) {
        digests.park(); // a kept entry holds its digest states only, not 1 MiB of copy buffers
        byId.put(digestsId, digests);
    }
}
