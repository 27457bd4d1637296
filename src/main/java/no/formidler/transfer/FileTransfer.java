package no.formidler.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Organization;

/**
 * A file transfer as stored: who sends what to whom, where its bytes are and how far it has come.
 *
 * @param sender         the sender as given at initialize (echoed back verbatim)
 * @param senderOrganization the sender, normalised
 * @param statusText     the detailed text of the current status, when it has one
 */
public record FileTransfer(
        UUID id,
        String resourceId,
        String fileName,
        String sendersReference,
        String sender,
        Organization senderOrganization,
        Optional<String> checksum,
        Optional<String> sha256,
        long fileSize,
        boolean useVirusScan,
        Instant created,
        Instant expirationTime,
        Optional<String> fileLocation,
        TransferStatus status,
        Optional<String> statusText,
        Instant statusChanged,
        Optional<Instant> published,
        Map<String, String> propertyList,
        List<Recipient> recipients) {

    public String currentStatusText() {
        return statusText.orElse(status.defaultText());
    }

    /** This transfer with its file recorded, as the steps of the change that follows should see it. */
    FileTransfer withFile(StoredFile file) {
        return new FileTransfer(id, resourceId, fileName, sendersReference, sender, senderOrganization,
                checksum.filter(c -> !c.isEmpty()).or(() -> Optional.of(file.md5())), Optional.of(file.sha256()), file.size(), useVirusScan, created, expirationTime,
                Optional.of(file.location()), status, statusText, statusChanged, published, propertyList, recipients);
    }

    public Optional<Recipient> recipient(Organization organization) {
        return recipients.stream().filter(r -> r.organization().equals(organization)).findFirst();
    }

    /** True when every recipient other than {@code confirming} has already confirmed its download. */
    public boolean allOthersConfirmed(Organization confirming) {
        return recipients.stream()
                .filter(r -> !r.organization().equals(confirming))
                .allMatch(r -> r.status() == RecipientStatus.DownloadConfirmed);
    }
}
