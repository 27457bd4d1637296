package no.formidler.stats;

import java.time.LocalDate;

/**
 * One row of the operators' daily summary, with the reference's column meanings (docs/operations.md, Daily summary).
 */
record DailySummaryRow(LocalDate date, String serviceOwnerId, String serviceOwnerName, String fileSenderId,
                       String resourceId, String recipientType, long fileTransferCount, long fileStorageBytes) {
    static final String ALTINN_VERSION = "Altinn3";
}
