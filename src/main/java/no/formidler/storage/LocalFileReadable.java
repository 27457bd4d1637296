package no.formidler.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An optional capability of a {@link BlobStore}: the blob is a whole file on this node's disk, so that a download can
 * be handed to the servlet container's sendfile (the kernel copies page cache to socket; no byte passes the JVM).
 */
public interface LocalFileReadable {

    /**
     * The file that holds the blob's bytes, checked to exist now; {@link BlobNotFoundException} when it does not. The
     * file is only read: a reader must not move, write or delete it.
     */
    Path localFile(String key) throws IOException;
}
