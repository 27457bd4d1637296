package no.formidler.transfer;

import java.util.UUID;

/**
 * A transfer that is ready to receive its file, and the most bytes it may take.
 *
 * @param requiresScan true when the file must get a clean malware verdict before it is published
 */
public record UploadTarget(UUID fileTransferId, String serviceOwner, long maxSize, boolean requiresScan) {
    public UploadTarget(UUID fileTransferId, String serviceOwner, long maxSize) {
        this(fileTransferId, serviceOwner, maxSize, false);
    }
}
