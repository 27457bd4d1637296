package no.formidler.transfer;

import java.time.Instant;
import java.util.Optional;
import no.formidler.auth.Organization;

/**
 * What a search asks for (E6, docs/compatibility.md §5.3). With a status the date filter and the order use the time the
 * transfer entered its current status, else its creation time. Both bounds: inclusive; one bound: exclusive.
 */
public record SearchCriteria(String resourceId, Organization caller, Optional<TransferStatus> status,
                             Optional<RecipientStatus> recipientStatus, Optional<Instant> from, Optional<Instant> to,
                             boolean ascending, SearchRole role) {
    public static final int MAX_RESULTS = 100;

    public enum SearchRole { Both, Sender, Recipient }
}
