package no.formidler.transfer;

import java.time.Instant;
import no.formidler.auth.Organization;

/** A recipient of a transfer, with the furthest status it has reached and when it last did something. */
public record Recipient(Organization organization, RecipientStatus status, Instant statusChanged) {
}
