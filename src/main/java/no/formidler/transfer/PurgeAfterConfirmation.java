package no.formidler.transfer;

import java.util.List;
import no.formidler.events.TransferEvent;
import no.formidler.resource.Resource;
import no.formidler.resource.ResourceCatalog;
import org.springframework.stereotype.Component;

/**
 * When every recipient has confirmed, a resource that asks for it has the file purged after its grace period: the
 * purge moves forward to then, unless the transfer expires before that anyway.
 */
@Component
class PurgeAfterConfirmation implements TransitionStep {
    private final ResourceCatalog resources;
    private final PurgeSchedule purges;

    PurgeAfterConfirmation(ResourceCatalog resources, PurgeSchedule purges) {
        this.resources = resources;
        this.purges = purges;
    }

    @Override
    public void applied(StatusChange change, List<TransferEvent> events) {
        if (!(change instanceof StatusChange.OfTransfer moved) || moved.status() != TransferStatus.AllConfirmedDownloaded) {
            return;
        }
        FileTransfer transfer = change.transfer();
        resources.find(transfer.resourceId())
                .filter(Resource::purgeAfterAllRecipientsConfirmed)
                .map(resource -> change.at().plus(resource.purgeGracePeriod()))
                .filter(graceEnds -> graceEnds.isBefore(transfer.expirationTime()))
                .ifPresent(graceEnds -> purges.purgeAt(transfer.id(), graceEnds));
    }
}
