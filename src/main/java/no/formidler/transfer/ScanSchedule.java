package no.formidler.transfer;

import java.util.UUID;

/**
 * Background malware scans of stored files. Implemented by the scanner's side; called inside the transaction that
 * moves the transfer to UploadProcessing without a verdict, so the scan is due if and only if that move commits.
 */
public interface ScanSchedule {

    /** Has the stored file of {@code fileTransferId} scanned as soon as possible (no-op when scans happen elsewhere). */
    void scanStoredFile(UUID fileTransferId);
}
