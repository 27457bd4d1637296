package no.formidler.transfer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of overview (E4) and details (E5), field names as the reference's. */
final class TransferViews {
    private TransferViews() {
    }

    record RecipientView(String recipient, RecipientStatus currentRecipientFileTransferStatusCode,
                         String currentRecipientFileTransferStatusText,
                         OffsetDateTime currentRecipientFileTransferStatusChanged) {
    }

    record Overview(UUID fileTransferId, String resourceId, String fileName, String sendersFileTransferReference,
                    String checksum, boolean useVirusScan, long fileTransferSize, TransferStatus fileTransferStatus,
                    String fileTransferStatusText, OffsetDateTime fileTransferStatusChanged, OffsetDateTime created,
                    OffsetDateTime expirationTime, String sender, List<RecipientView> recipients,
                    Map<String, String> propertyList, OffsetDateTime published, String sha256) {
    }

    record StatusHistoryEntry(TransferStatus fileTransferStatus, String fileTransferStatusText,
                              OffsetDateTime fileTransferStatusChanged) {
    }

    record RecipientHistoryEntry(String recipient, RecipientStatus recipientFileTransferStatusCode,
                                 String recipientFileTransferStatusText, OffsetDateTime recipientFileTransferStatusChanged) {
    }

    record Details(UUID fileTransferId, String resourceId, String fileName, String sendersFileTransferReference,
                   String checksum, boolean useVirusScan, long fileTransferSize, TransferStatus fileTransferStatus,
                   String fileTransferStatusText, OffsetDateTime fileTransferStatusChanged, OffsetDateTime created,
                   OffsetDateTime expirationTime, String sender, List<RecipientView> recipients,
                   Map<String, String> propertyList, String sha256, List<StatusHistoryEntry> fileTransferStatusHistory,
                   List<RecipientHistoryEntry> recipientFileTransferStatusHistory,
                   List<ScanHistory.ScanRecordView> malwareScans) {
    }

    static Overview overview(FileTransfer t) {
        return new Overview(t.id(), t.resourceId(), t.fileName(), t.sendersReference(), t.checksum().orElse(null),
                t.useVirusScan(), t.fileSize(), t.status(), t.currentStatusText(), utc(t.statusChanged()),
                utc(t.created()), utc(t.expirationTime()), t.sender(), recipients(t), t.propertyList(),
                t.published().map(TransferViews::utc).orElse(null), t.sha256().orElse(null));
    }

    static Details details(FileTransfer t, List<TransferRepository.StatusEntry> history,
                           List<TransferRepository.RecipientStatusEntry> recipientHistory,
                           List<ScanHistory.ScanRecordView> scans) {
        return new Details(t.id(), t.resourceId(), t.fileName(), t.sendersReference(), t.checksum().orElse(null),
                t.useVirusScan(), t.fileSize(), t.status(), t.currentStatusText(), utc(t.statusChanged()),
                utc(t.created()), utc(t.expirationTime()), t.sender(), recipients(t), t.propertyList(),
                t.sha256().orElse(null),
                history.stream().map(h -> new StatusHistoryEntry(h.status(), h.text().orElse(h.status().defaultText()),
                        utc(h.changed()))).toList(),
                recipientHistory.stream().map(h -> new RecipientHistoryEntry(h.recipient().prefixed(), h.status(),
                        h.status().text(), utc(h.changed()))).toList(),
                scans);
    }

    private static List<RecipientView> recipients(FileTransfer t) {
        return t.recipients().stream()
                .map(r -> new RecipientView(r.organization().prefixed(), r.status(), r.status().text(), utc(r.statusChanged())))
                .toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
