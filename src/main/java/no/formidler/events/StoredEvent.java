package no.formidler.events;

import java.time.Instant;
import java.util.UUID;

/** An event as the outbox holds it, with its position in the outbox's total order. */
record StoredEvent(long sequence, UUID id, String type, String resourceId, UUID fileTransferId, String subjectOrg,
                   String role, Instant time) {
}
