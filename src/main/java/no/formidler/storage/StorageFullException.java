package no.formidler.storage;

import java.io.IOException;
import java.util.Optional;

/**
 * The store has no room left (a full disk, an exhausted quota): nothing of the write was kept, and the same write may
 * succeed once space is freed. Callers answer 507 Insufficient Storage and leave the transfer as it was.
 */
public class StorageFullException extends StorageUnavailableException {
    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * {@code e} as a full store when the operating system said so (ENOSPC, EDQUOT: Java has no type for them, only
     * their message).
     */
    public static Optional<StorageFullException> of(IOException e, String what) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
            return Optional.of(new StorageFullException("No room for " + what + ": " + message, e));
        }
        return Optional.empty();
    }
}
