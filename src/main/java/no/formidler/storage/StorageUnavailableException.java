package no.formidler.storage;

import java.io.IOException;

/**
 * The store could not be reached or answered with a server error: nothing was decided about the blob, so the same
 * operation may succeed later. Callers answer 503 and leave the transfer as it was.
 */
public class StorageUnavailableException extends IOException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
