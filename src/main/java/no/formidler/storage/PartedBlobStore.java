package no.formidler.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * An optional capability of a {@link BlobStore}: a blob built from numbered parts that arrive one at a time, over
 * hours or days, possibly through different broker nodes, and that survive a crash of any of them. Resumable uploads
 * (TUS) use it; it knows nothing of TUS.
 *
 * <p>It maps onto what each store already has: on S3 a multipart upload ({@code UploadPart} per part,
 * {@code CompleteMultipartUpload} to compose, {@code AbortMultipartUpload}); on Azure staged blocks ({@code StageBlock},
 * {@code CommitBlockList}); on a filesystem one staging file per upload that parts are written into at their offset.
 *
 * <p>Guarantees: when {@link #writePart} returns, the part is durable (flushed to disk, acknowledged by the object
 * store). The caller records the returned {@link Part} (in PostgreSQL) before it acknowledges the bytes to its client;
 * a part that was written but never recorded is garbage that a later write at the same number or offset replaces.
 * Writes to one upload are serialised by the caller.
 */
public interface PartedBlobStore {

    /**
     * Where one stored part is: its number (from 1), the upload offset it starts at, its size, and the store's tag
     * for it (an S3 ETag, an Azure block id; empty on a filesystem).
     */
    record Part(int number, long offset, long size, String tag) {
    }

    /**
     * What becomes of an upload's bytes: the blob as they are ({@link #WHOLE}), or copied into one blob with other
     * uploads' and then discarded ({@link #JOINED}, a TUS partial upload). A filesystem writes a joined upload's bytes
     * past the page cache: only the join reads them, once.
     */
    enum Staging {
        WHOLE, JOINED
    }

    /** One upload's recorded parts, in number order. */
    record PartedUpload(String uploadKey, List<Part> parts) {
        public long size() {
            return parts.stream().mapToLong(Part::size).sum();
        }
    }

    /**
     * Stores {@code content}, read to its end, as part {@code number} of upload {@code uploadKey} starting at byte
     * {@code offset} of the upload, durably. Unrecorded bytes at or beyond {@code offset} are discarded. If reading
     * {@code content} fails, the exception propagates and nothing counts as stored. {@code staging} is the same for
     * every part of an upload.
     */
    Part writePart(String uploadKey, Staging staging, int number, long offset, InputStream content) throws IOException;

    /**
     * Makes blob {@code blobKey} of the uploads' parts: the uploads in the order given, each upload's parts in number
     * order. Afterwards the parts are gone and the blob is readable through {@link BlobStore}. Composing again after
     * success (the blob exists, the parts are gone) does nothing. Returns the blob's size.
     */
    long compose(String blobKey, List<PartedUpload> uploads) throws IOException;

    /** Discards an upload's parts; an unknown upload is not an error. */
    void abort(String uploadKey) throws IOException;
}
