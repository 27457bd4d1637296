package no.formidler.transfer;

import java.util.UUID;
import no.formidler.auth.Organization;

/** A published file that a recipient may download now. */
public record DownloadableFile(UUID fileTransferId, String fileName, String location, long size, Organization recipient) {
}
