package no.formidler.storage;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * An optional capability of a {@link BlobStore}: a short-lived URL from which a client can fetch a blob straight from
 * the store (ranges included), so the broker node never carries the bytes.
 */
public interface PresignedReadable {

    /**
     * A URL for the blob that the store answers with {@code contentDisposition} as the response's
     * Content-Disposition; empty when this store is not configured to hand out such URLs.
     */
    Optional<URI> presignedRead(String key, String contentDisposition) throws IOException;
}
