package no.formidler.transfer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of overview (E4, docs/compatibility.md §1) and details (E5), field names as the reference's. */
final class TransferViews {
    /**
     * Timestamps as System.Text.Json writes the reference's {@code DateTimeOffset}: offset {@code +00:00}, fraction up
     * to seven digits without trailing zeros, none when zero ({@code 2026-12-01T21:40:07.123456+00:00}).
     */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 7, true)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private TransferViews() {
    }

    record RecipientView(String recipient, RecipientStatus currentRecipientFileTransferStatusCode,
                         String currentRecipientFileTransferStatusText,
                         String currentRecipientFileTransferStatusChanged) {
    }

    record Overview(UUID fileTransferId, String resourceId, String fileName, String sendersFileTransferReference,
                    String checksum, boolean useVirusScan, long fileTransferSize, TransferStatus fileTransferStatus,
                    String fileTransferStatusText, String fileTransferStatusChanged, String created,
                    String expirationTime, String sender, List<RecipientView> recipients,
                    Map<String, String> propertyList, String published, String sha256) {
    }

    record StatusHistoryEntry(TransferStatus fileTransferStatus, String fileTransferStatusText,
                              String fileTransferStatusChanged) {
    }

    record RecipientHistoryEntry(String recipient, RecipientStatus recipientFileTransferStatusCode,
                                 String recipientFileTransferStatusText, String recipientFileTransferStatusChanged) {
    }

    record Details(UUID fileTransferId, String resourceId, String fileName, String sendersFileTransferReference,
                   String checksum, boolean useVirusScan, long fileTransferSize, TransferStatus fileTransferStatus,
                   String fileTransferStatusText, String fileTransferStatusChanged, String created,
                   String expirationTime, String sender, List<RecipientView> recipients,
                   Map<String, String> propertyList, String sha256, List<StatusHistoryEntry> fileTransferStatusHistory,
                   List<RecipientHistoryEntry> recipientFileTransferStatusHistory,
                   List<ScanHistory.ScanRecordView> malwareScans) {
    }

    static Overview overview(FileTransfer t) {
        return new Overview(t.id(), t.resourceId(), t.fileName(), t.sendersReference(), t.checksum().orElse(""),
                t.useVirusScan(), t.fileSize(), t.status(), t.currentStatusText(), utc(t.statusChanged()),
                utc(t.created()), utc(t.expirationTime()), t.sender(), recipients(t), t.propertyList(),
                t.published().map(TransferViews::utc).orElse(null), t.sha256().orElse(null));
    }

    static Details details(FileTransfer t, List<TransferRepository.StatusEntry> history,
                           List<TransferRepository.RecipientStatusEntry> recipientHistory,
                           List<ScanHistory.ScanRecordView> scans) {
        return new Details(t.id(), t.resourceId(), t.fileName(), t.sendersReference(), t.checksum().orElse(""),
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

    private static String utc(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
