package no.formidler.transfer;

import java.time.Instant;
import java.util.Optional;
import no.formidler.auth.Organization;

/** A status change the transition path has just made, as the steps that run with it see it. */
public sealed interface StatusChange {

    /** The transfer as it was locked before the change. */
    FileTransfer transfer();

    Instant at();

    /** The vendor system that acted for the caller, when there was one. */
    Optional<Organization> vendor();

    /** The transfer moved to {@code status}. */
    record OfTransfer(FileTransfer transfer, TransferStatus status, Optional<String> text, Instant at,
                      Optional<Organization> vendor) implements StatusChange {
    }

    /** One recipient moved to {@code status} (or, for a repeated download, recorded it again). */
    record OfRecipient(FileTransfer transfer, Organization recipient, RecipientStatus status, Instant at,
                       Optional<Organization> vendor) implements StatusChange {
    }
}
