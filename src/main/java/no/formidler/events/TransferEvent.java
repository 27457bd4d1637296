package no.formidler.events;

import java.time.Instant;
import java.util.UUID;
import no.formidler.auth.Organization;

/**
 * One event for one party. {@code actorId} is the party's id as the transfer stores it (the sender as given, recipients
 * as {@code 0192:<org>}); with {@code occasion} (empty unless one party can get the same type more than once, such as
 * the sender's {@code downloadconfirmed} per recipient) it makes the event id deterministic, so that a retried
 * change or delivery keeps its id.
 */
public record TransferEvent(EventType type, String resourceId, UUID fileTransferId, Organization subject,
                            String actorId, Role role, Instant time, String occasion) {

    public TransferEvent(EventType type, String resourceId, UUID fileTransferId, Organization subject, String actorId,
                         Role role, Instant time) {
        this(type, resourceId, fileTransferId, subject, actorId, role, time, "");
    }

    /**
     * SHA-256 of {@code <type>:<fileTransferId>:<role>:<actorId>[:<occasion>]}, first 16 bytes laid out as a .NET
     * Guid: for {@code published} this is the id the reference gives the same event.
     */
    public UUID id() {
        String key = type.shortName() + ":" + fileTransferId + ":" + role.name() + ":" + actorId
                + (occasion.isEmpty() ? "" : ":" + occasion);
        return EventIds.dotNetGuid(EventIds.sha256(key));
    }
}
