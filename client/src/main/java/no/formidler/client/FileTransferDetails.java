package no.formidler.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /filetransfer/{id}/details}: the overview with both status histories (the timeline). */
public record FileTransferDetails(UUID fileTransferId, String resourceId, String fileName,
                                  String sendersFileTransferReference, String checksum, boolean useVirusScan,
                                  long fileTransferSize, String fileTransferStatus, String fileTransferStatusText,
                                  OffsetDateTime fileTransferStatusChanged, OffsetDateTime created,
                                  OffsetDateTime expirationTime, String sender,
                                  List<FileTransferOverview.Recipient> recipients, Map<String, String> propertyList,
                                  String sha256, List<StatusChange> fileTransferStatusHistory,
                                  List<RecipientStatusChange> recipientFileTransferStatusHistory) {

    public record StatusChange(String fileTransferStatus, String fileTransferStatusText,
                               OffsetDateTime fileTransferStatusChanged) {
    }

    public record RecipientStatusChange(String recipient, String recipientFileTransferStatusCode,
                                        String recipientFileTransferStatusText,
                                        OffsetDateTime recipientFileTransferStatusChanged) {
    }
}
