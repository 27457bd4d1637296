package no.formidler.transfer;

import java.util.UUID;

/** A transfer that is ready to receive its file, and the most bytes it may take. */
public record UploadTarget(UUID fileTransferId, String serviceOwner, long maxSize) {
}
