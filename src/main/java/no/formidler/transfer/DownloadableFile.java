package no.formidler.transfer;

import java.util.UUID;
import no.formidler.auth.Organization;

/** A published file that a recipient may download now. */
public record DownloadableFile(FileTransfer transfer, String location, Organization recipient) {

    public UUID fileTransferId() {
        return transfer.id();
    }

    public String fileName() {
        return transfer.fileName();
    }

    public long size() {
        return transfer.fileSize();
    }
}
