package no.formidler.transfer;

import java.util.Optional;
import no.formidler.auth.Organization;

/** One move asked of the transition path: of the transfer, or of one of its recipients. */
sealed interface Move {

    static Move of(Transition transition) {
        return new OfTransfer(transition, Optional.empty(), Optional.empty());
    }

    static Move of(Transition transition, String text) {
        return new OfTransfer(transition, Optional.of(text), Optional.empty());
    }

    /** @param text the detailed status text, when the new status has one */
    record OfTransfer(Transition transition, Optional<String> text, Optional<Organization> vendor) implements Move {
    }

    /** @param ranged whether the download asked for a byte range (kept in the history, to group bursts of them) */
    record OfRecipient(Organization recipient, RecipientTransition transition, Optional<Organization> vendor,
                       boolean ranged) implements Move {
    }
}
