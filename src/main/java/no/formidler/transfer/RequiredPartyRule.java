package no.formidler.transfer;

import java.util.List;
import java.util.Optional;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;

/**
 * A resource may require one party (typically its service owner) to take part in every transfer: as the sender, or
 * as the only recipient (docs/compatibility.md §3).
 */
final class RequiredPartyRule {
    private RequiredPartyRule() {
    }

    static void check(Optional<String> requiredParty, Organization sender, List<Organization> recipients) {
        if (requiredParty.isEmpty()) {
            return;
        }
        String party = requiredParty.get().substring(requiredParty.get().lastIndexOf(':') + 1).trim();
        if (sender.number().equals(party)) {
            return;
        }
        if (recipients.size() > 1) {
            throw new BrokerException(BrokerError.REQUIRED_PARTY_ONE_RECIPIENT);
        }
        if (recipients.isEmpty() || !recipients.get(0).number().equals(party)) {
            throw new BrokerException(BrokerError.REQUIRED_PARTY_MISSING);
        }
    }
}
