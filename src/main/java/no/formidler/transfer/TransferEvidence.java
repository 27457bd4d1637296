package no.formidler.transfer;

import java.util.List;
import java.util.UUID;
import no.formidler.audit.AuditLog;
import no.formidler.audit.Checkpoints;
import no.formidler.audit.Receipts;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.resource.Resource;
import no.formidler.resource.ResourceCatalog;
import org.springframework.stereotype.Service;

/**
 * Who may see a transfer's evidence: the sender gets every receipt, a recipient only its own delivery receipt; the
 * parties and the resource's service owner get the transfer's audit entries. Anyone else gets 401 BRO-00006, as for
 * the transfer itself.
 */
@Service
class TransferEvidence {
    private final TransferRepository transfers;
    private final TransferAccess access;
    private final ResourceCatalog resources;
    private final Receipts receipts;
    private final AuditLog log;
    private final Checkpoints checkpoints;

    TransferEvidence(TransferRepository transfers, TransferAccess access, ResourceCatalog resources, Receipts receipts,
                     AuditLog log, Checkpoints checkpoints) {
        this.transfers = transfers;
        this.access = access;
        this.resources = resources;
        this.receipts = receipts;
        this.log = log;
        this.checkpoints = checkpoints;
    }

    List<Receipts.Receipt> receipts(Caller caller, UUID id) {
        FileTransfer transfer = find(id);
        if (access.maySend(caller, transfer.resourceId(), transfer.senderOrganization())) {
            return receipts.of(id);
        }
        Organization recipient = access.requireRecipient(caller, transfer);
        return receipts.of(id).stream().filter(r -> r.recipient().filter(recipient::equals).isPresent()).toList();
    }

    Checkpoints.Proven audit(Caller caller, UUID id) {
        FileTransfer transfer = find(id);
        if (!ownsResource(caller, transfer)) {
            access.requireParticipant(caller, transfer);
        }
        return checkpoints.prove(log.ofTransfer(id));
    }

    private boolean ownsResource(Caller caller, FileTransfer transfer) {
        return caller.hasScope(Caller.SCOPE_SERVICE_OWNER) && caller.organization().isPresent()
                && resources.find(transfer.resourceId()).map(Resource::serviceOwner)
                .filter(caller.organization().get()::equals).isPresent();
    }

    private FileTransfer find(UUID id) {
        return transfers.find(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
    }
}
