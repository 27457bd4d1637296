package no.formidler.transfer;

import java.util.UUID;

/**
 * Published (as a Spring application event, inside the transaction) when a stored file enters UploadProcessing to
 * wait for its malware verdict, so the scanner can queue it in the same transaction.
 */
public record UploadAwaitingScan(UUID fileTransferId) {
}
