package no.formidler.client;

import java.time.Instant;

/** A subscription as the broker shows it; {@code secret} only in the answer to its creation. */
public record Subscription(long id, String endPoint, String resourceFilter, String subjectFilter, String typeFilter,
                           String consumer, String createdBy, Instant created, boolean validated, String secret,
                           Delivery delivery) {

    /** {@code state} is {@code AwaitingValidation}, {@code Healthy} or {@code Failing}. */
    public record Delivery(String state, Instant failingSince, int failedAttempts, String lastError, Instant lastErrorAt) {
    }
}
