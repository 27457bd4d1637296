package no.formidler.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Organization;

/**
 * What a feature asks the audit log to record. {@code fileTransferId} and {@code resourceId}, when given, let the
 * parties of that transfer and the owner of that resource find the entry.
 *
 * @param actor   the organisation that acted; empty for the broker itself (a job, a scan verdict)
 * @param subject what was acted on, such as {@code filetransfer:<id>} or {@code resource:<id>}
 * @param details a few values that say what happened, in the order given
 */
public record Audited(Optional<Organization> actor, Optional<Organization> vendor, String action, String subject,
                      Optional<UUID> fileTransferId, Optional<String> resourceId, Map<String, Object> details) {

    public Audited {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Audited ofTransfer(Optional<Organization> actor, Optional<Organization> vendor, String action,
                                     UUID fileTransferId, String resourceId, Map<String, Object> details) {
        return new Audited(actor, vendor, action, "filetransfer:" + fileTransferId, Optional.of(fileTransferId),
                Optional.of(resourceId), details);
    }

    public static Audited ofResource(Organization actor, String action, String resourceId, Map<String, Object> details) {
        return new Audited(Optional.of(actor), Optional.empty(), action, "resource:" + resourceId, Optional.empty(),
                Optional.of(resourceId), details);
    }
}
