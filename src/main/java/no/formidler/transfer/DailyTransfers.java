package no.formidler.transfer;

import java.time.LocalDate;
import no.formidler.auth.Organization;

/** Transfers created on one UTC day on one resource by one sender: how many, and their file bytes. */
public record DailyTransfers(LocalDate date, String resourceId, Organization sender, long fileTransfers, long fileBytes) {
}
