package no.formidler.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An optional capability of a {@link BlobStore}: the blob's bytes are in files on this node's disk, so that a download
 * can be handed to the servlet container's sendfile (the kernel copies page cache to socket; no byte passes the JVM).
 */
public interface LocalFileReadable {

    /** Bytes of a blob in one local file: the file, and where in it they start. */
    record LocalRange(Path file, long offset) {
    }

    /**
     * The file that holds the blob's bytes {@code [offset, offset + length)}, checked to exist now; empty when no one
     * file holds them all (a joined blob's range across its parts: read it through {@link BlobStore#read});
     * {@link BlobNotFoundException} when the blob does not exist. The file is only read: a reader must not move, write
     * or delete it.
     */
    Optional<LocalRange> localRange(String key, long offset, long length) throws IOException;
}
