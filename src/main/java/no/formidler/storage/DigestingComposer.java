package no.formidler.storage;

import java.io.IOException;
import java.util.List;
import no.formidler.storage.PartedBlobStore.PartedUpload;

/**
 * An optional capability of a {@link PartedBlobStore} that hashes the blob it composed faster than a plain read of it
 * would (a filesystem reads the uploads of a joined blob past the page cache, a step ahead): the caller needs the
 * joined file's digests, since MD5 and SHA-256 of parts do not combine.
 */
public interface DigestingComposer {
    /** The joined blob's size and digests. */
    record Composed(long size, FileDigests.Hex digests) {
    }

    /** As {@link PartedBlobStore#compose}, with the digests of the blob made (or found made by an earlier call). */
    Composed composeDigested(String blobKey, List<PartedUpload> uploads) throws IOException;
}
