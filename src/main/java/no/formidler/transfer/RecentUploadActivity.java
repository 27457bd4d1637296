package no.formidler.transfer;

import java.time.Instant;
import java.util.UUID;

/**
 * Whether an upload is still making progress on a transfer, so a long resumable (TUS) upload is not taken for a stuck
 * one. The TUS feature provides it; without one no upload counts as active.
 */
public interface RecentUploadActivity {
    RecentUploadActivity NONE = (fileTransferId, since) -> false;

    /** True when bytes or a request for an upload to {@code fileTransferId} arrived at or after {@code since}. */
    boolean activeSince(UUID fileTransferId, Instant since);
}
