package no.formidler.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where file bytes live. A blob becomes readable only once it has been written completely: an interrupted write
 * leaves nothing behind under its key.
 */
public interface BlobStore {

    /** Streams {@code content} to its end into a new blob under {@code key}; returns the number of bytes stored. */
    long write(String key, InputStream content) throws IOException;

    /** The bytes {@code [offset, offset + length)} of a blob; the caller closes the stream. */
    InputStream read(String key, long offset, long length) throws IOException;

    /** Deletes a blob; deleting a missing blob is not an error. */
    void delete(String key) throws IOException;

    boolean exists(String key) throws IOException;
}
