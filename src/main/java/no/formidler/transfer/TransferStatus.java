package no.formidler.transfer;

import java.util.Set;

/** The overall status of a file transfer, with the reference's ids and default texts (docs/compatibility.md §4). */
public enum TransferStatus {
    Initialized(0, "Ready for upload"),
    UploadStarted(1, "Upload started"),
    UploadProcessing(2, "Processing upload"),
    Published(3, "Ready for download"),
    Cancelled(4, "FileTransfer cancelled"),
    AllConfirmedDownloaded(5, "All downloaded"),
    Purged(6, "FileTransfer has been purged"),
    Failed(7, "Upload failed");

    private final int id;
    private final String defaultText;

    TransferStatus(int id, String defaultText) {
        this.id = id;
        this.defaultText = defaultText;
    }

    public int id() {
        return id;
    }

    public String defaultText() {
        return defaultText;
    }

    public static TransferStatus ofId(int id) {
        for (TransferStatus s : values()) {
            if (s.id == id) {
                return s;
            }
        }
        throw new IllegalArgumentException("No transfer status " + id);
    }

    /** The statuses from which a transfer may move to this one (by the moves of {@link Transition}). */
    public Set<TransferStatus> reachableFrom() {
        return Transition.sourcesOf(this);
    }

    /** A file may be uploaded only before any upload has completed or failed. */
    public boolean acceptsUpload() {
        return this == Initialized || this == UploadStarted;
    }

    public boolean downloadable() {
        return this == Published || this == AllConfirmedDownloaded;
    }
}
