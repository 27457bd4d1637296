package no.formidler.transfer;

import java.util.Optional;
import java.util.stream.Stream;
import no.formidler.auth.AccessRequest;
import no.formidler.auth.Action;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.auth.PolicyDecisionPoint;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import org.springframework.stereotype.Component;

/** Asks the policy decision point whether a caller may act as sender or recipient of a transfer. */
@Component
public class TransferAccess {
    private final PolicyDecisionPoint pdp;

    TransferAccess(PolicyDecisionPoint pdp) {
        this.pdp = pdp;
    }

    public boolean maySend(Caller caller, String resourceId, Organization sender) {
        return pdp.permits(new AccessRequest(caller, resourceId, sender, Action.WRITE, Optional.empty()));
    }

    public void requireSender(Caller caller, FileTransfer transfer) {
        requireSender(caller, transfer.resourceId(), transfer.senderOrganization());
    }

    void requireSender(Caller caller, String resourceId, Organization sender) {
        if (!maySend(caller, resourceId, sender)) {
            throw new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE);
        }
    }

    /** The recipient the caller acts for; 401 BRO-00006 when it acts for none. */
    public Organization requireRecipient(Caller caller, FileTransfer transfer) {
        return actingRecipient(caller, transfer).orElseThrow(() -> new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE));
    }

    public void requireParticipant(Caller caller, FileTransfer transfer) {
        if (!maySend(caller, transfer.resourceId(), transfer.senderOrganization())
                && actingRecipient(caller, transfer).isEmpty()) {
            throw new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE);
        }
    }

    /** Search needs the caller to be allowed to send or to receive on the resource. */
    public void requireSearch(Caller caller, String resourceId, Organization callerOrganization) {
        if (!maySearch(caller, resourceId, callerOrganization)) {
            throw new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE);
        }
    }

    public boolean maySearch(Caller caller, String resourceId, Organization callerOrganization) {
        return pdp.permits(new AccessRequest(caller, resourceId, callerOrganization, Action.READ, Optional.empty()))
                || pdp.permits(new AccessRequest(caller, resourceId, callerOrganization, Action.WRITE, Optional.empty()));
    }

    private Optional<Organization> actingRecipient(Caller caller, FileTransfer transfer) {
        // The caller's own organisation first: the usual case costs one decision.
        Stream<Organization> own = caller.organization().filter(org -> transfer.recipient(org).isPresent()).stream();
        Stream<Organization> others = transfer.recipients().stream().map(Recipient::organization)
                .filter(org -> caller.organization().filter(org::equals).isEmpty());
        return Stream.concat(own, others)
                .filter(r -> pdp.permits(new AccessRequest(caller, transfer.resourceId(), r, Action.READ, Optional.of(transfer.id()))))
                .findFirst();
    }
}
