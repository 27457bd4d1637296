package no.formidler.events;

import java.util.Locale;

/** The broker's event types (docs/compatibility.md §7); on the wire as {@code no.altinn.broker.<lowercase name>}. */
public enum EventType {
    FILE_TRANSFER_INITIALIZED("FileTransferInitialized"),
    UPLOAD_PROCESSING("UploadProcessing"),
    PUBLISHED("Published"),
    UPLOAD_FAILED("UploadFailed"),
    DOWNLOAD_CONFIRMED("DownloadConfirmed"),
    ALL_CONFIRMED_DOWNLOADED("AllConfirmedDownloaded"),
    FILE_PURGED("FilePurged"),
    FILE_NEVER_CONFIRMED_DOWNLOADED("FileNeverConfirmedDownloaded"),
    /** Formidler extension: the sender withdrew the transfer (docs/withdraw-and-notifications.md). */
    FILE_TRANSFER_CANCELLED("FileTransferCancelled");

    private final String enumName;

    EventType(String enumName) {
        this.enumName = enumName;
    }

    public String wireType() {
        return "no.altinn.broker." + enumName.toLowerCase(Locale.ROOT);
    }

    String shortName() {
        return enumName.toLowerCase(Locale.ROOT);
    }
}
