package no.formidler.transfer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The malware scan records of a transfer, shown in its details; the scan feature keeps them. */
public interface ScanHistory {

    /**
     * Keeps the verdict that decides the transfer, in the transaction that applies it; false when the transfer
     * already has one (the first verdict wins).
     */
    boolean record(UUID fileTransferId, ScanRecordView record);

    List<ScanRecordView> records(UUID fileTransferId);

    /** One verdict as shown in details ({@code malwareScans}, an extension field beyond the reference). */
    record ScanRecordView(String scanner, String engineVersion, String signatureVersion, String verdict,
                          String signatureName, String sha256, OffsetDateTime scanned) {
    }
}
