package no.formidler.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import no.formidler.auth.Organization;

/**
 * A subscription as the API shows it: Altinn Events' fields, the signing secret (only in the answer to its creation)
 * and its delivery state, so a subscriber can see why events are not arriving.
 */
record SubscriptionView(long id, String endPoint, String resourceFilter, String subjectFilter, String typeFilter,
                        String consumer, String createdBy, Instant created, boolean validated,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String secret, Delivery delivery) {

    /** {@code state} is {@code AwaitingValidation}, {@code Healthy} or {@code Failing}. */
    record Delivery(String state, Instant failingSince, int failedAttempts, String lastError, Instant lastErrorAt) {
    }

    static SubscriptionView of(Subscription s, boolean withSecret) {
        String owner = "/organisation/" + s.createdBy();
        String state = s.failingSince().isPresent() ? "Failing" : s.validated() ? "Healthy" : "AwaitingValidation";
        return new SubscriptionView(s.id(), s.endPoint(), CloudEvents.RESOURCE_PREFIX + s.resourceId(),
                s.subjectOrg().map(o -> new Organization(o).urn()).orElse(null), s.typeFilter().orElse(null),
                owner, owner, s.created(), s.validated(), withSecret ? s.secret() : null,
                new Delivery(state, s.failingSince().orElse(null), s.failedAttempts(), s.lastError().orElse(null),
                        s.lastErrorAt().orElse(null)));
    }
}
