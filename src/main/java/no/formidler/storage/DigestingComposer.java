package no.formidler.storage;

import java.io.IOException;
import java.util.List;
import no.formidler.storage.PartedBlobStore.PartedUpload;

/**
 * An optional capability of a {@link PartedBlobStore} whose compose copies the parts' bytes itself (a filesystem): it
 * hashes them on the way, so that the caller, which needs the joined file's digests (MD5 and SHA-256 of parts do not
 * combine), does not read the whole file once more after it is joined.
 */
public interface DigestingComposer {
    /** The joined blob's size and digests. */
    record Composed(long size, FileDigests.Hex digests) {
    }

    /** As {@link PartedBlobStore#compose}, with the digests of the blob made (or found made by an earlier call). */
    Composed composeDigested(String blobKey, List<PartedUpload> uploads) throws IOException;
}
