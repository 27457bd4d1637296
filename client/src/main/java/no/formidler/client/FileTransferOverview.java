package no.formidler.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /filetransfer/{id}}: the transfer and each recipient's status now. {@code checksum} is MD5, hex. */
public record FileTransferOverview(UUID fileTransferId, String resourceId, String fileName,
                                   String sendersFileTransferReference, String checksum, boolean useVirusScan,
                                   long fileTransferSize, String fileTransferStatus, String fileTransferStatusText,
                                   OffsetDateTime fileTransferStatusChanged, OffsetDateTime created,
                                   OffsetDateTime expirationTime, String sender, List<Recipient> recipients,
                                   Map<String, String> propertyList, OffsetDateTime published, String sha256) {

    /** One recipient's status. */
    public record Recipient(String recipient, String currentRecipientFileTransferStatusCode,
                            String currentRecipientFileTransferStatusText,
                            OffsetDateTime currentRecipientFileTransferStatusChanged) {
    }

    /** This recipient's status code ({@code Initialized}, {@code DownloadStarted}, {@code DownloadConfirmed}), if it is one. */
    public java.util.Optional<String> statusOf(String recipientOrgNo) {
        return recipients == null ? java.util.Optional.empty() : recipients.stream()
                .filter(r -> r.recipient() != null && r.recipient().endsWith(recipientOrgNo))
                .map(Recipient::currentRecipientFileTransferStatusCode).findFirst();
    }
}
