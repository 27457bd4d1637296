package no.formidler.transfer;

/**
 * A recipient's progress with a transfer (docs/compatibility.md §4); the order of the constants is the order of
 * progress.
 */
public enum RecipientStatus {
    Initialized(0, "Initialized"),
    DownloadStarted(1, "Recipient has attempted to download fileTransfer"),
    DownloadConfirmed(2, "Recipient has downloaded fileTransfer");

    private final int id;
    private final String text;

    RecipientStatus(int id, String text) {
        this.id = id;
        this.text = text;
    }

    public int id() {
        return id;
    }

    public String text() {
        return text;
    }

    public static RecipientStatus ofId(int id) {
        for (RecipientStatus s : values()) {
            if (s.id == id) {
                return s;
            }
        }
        throw new IllegalArgumentException("No recipient status " + id);
    }
}
