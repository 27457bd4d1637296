package no.formidler.transfer;

import no.formidler.auth.Organization;

/**
 * One row of the monthly statistics (docs/operations.md, Statistics) before any merging: the (transfer, recipient)
 * pairs of one resource, sender, recipient and vendor pair that were active in the month, and what happened to them.
 * Vendors are empty strings when unknown.
 */
public record MonthlyActivity(String resourceId, Organization sender, Organization recipient, String senderVendor,
                              String recipientVendor, long totalFileTransfers, long uploadCount,
                              long downloadAttempts, long transfersWithDownloadConfirmed) {
}
