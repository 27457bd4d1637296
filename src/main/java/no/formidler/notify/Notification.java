package no.formidler.notify;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Organization;

/**
 * One notification to one organisation about one transfer, with what its mail says (as the transfer was when the
 * notification was caused).
 */
record Notification(UUID fileTransferId, Organization organization, NotificationKind kind, String resourceId,
                    String fileName, long fileSize, Optional<String> sendersReference, String sender, Instant expires) {

    /** Its db-scheduler instance id, also its unique key: {@code <transfer>/<organisation>/<kind>}. */
    String key() {
        return fileTransferId + "/" + organization.number() + "/" + kind.dbValue();
    }
}
