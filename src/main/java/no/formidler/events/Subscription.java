package no.formidler.events;

import java.time.Instant;
import java.util.Optional;

/**
 * A webhook subscription with its delivery state. {@code deliveredSequence} is its cursor in the outbox: every
 * matching event up to it has been delivered (or given up on), and the next one waits until it has.
 */
record Subscription(long id, String endPoint, String resourceId, Optional<String> subjectOrg, Optional<String> typeFilter,
                    String createdBy, Instant created, String secret, boolean validated, long deliveredSequence,
                    Optional<Instant> failingSince, int failedAttempts, Optional<String> lastError,
                    Optional<Instant> lastErrorAt) {
}
