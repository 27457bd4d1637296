package no.formidler.transfer;

import java.time.Instant;
import java.util.UUID;

/**
 * When a transfer's file is to be purged. Implemented by the job scheduler; called inside the transaction of the change
 * that sets the time, so the time is stored if and only if that change commits.
 */
public interface PurgeSchedule {

    /** Sets the purge of {@code fileTransferId} to {@code at}: one pending purge per transfer, moved if it exists. */
    void purgeAt(UUID fileTransferId, Instant at);

    /** Sets the purge of a transfer that has none yet (one being created): an insert, without looking first. */
    void firstPurgeAt(UUID fileTransferId, Instant at);
}
