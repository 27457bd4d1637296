package no.formidler.webapp;

import java.util.List;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.resource.PartyResources;
import no.formidler.resource.ResourceCatalog;
import no.formidler.transfer.PartyTransfers;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web app lists for the signed-in organisation and that the Altinn API has no call for (its search needs a
 * resource): its inbox and sent transfers across resources, and the resources it may send on or owns. Only the
 * caller's own organisation is ever listed; the details of each transfer come from the API itself.
 */
@RestController
@RequestMapping(value = "/web/api", produces = MediaType.APPLICATION_JSON_VALUE)
class PartyController {
    private final PartyTransfers transfers;
    private final PartyResources resources;
    private final ResourceCatalog catalog;

    PartyController(PartyTransfers transfers, PartyResources resources, ResourceCatalog catalog) {
        this.transfers = transfers;
        this.resources = resources;
        this.catalog = catalog;
    }

    @GetMapping("/inbox")
    List<PartyTransfers.Row> inbox(Caller caller) {
        return transfers.received(org(caller));
    }

    @GetMapping("/sent")
    List<PartyTransfers.Row> sent(Caller caller) {
        return transfers.sent(org(caller));
    }

    record SendableResource(String id, Long maxFileTransferSize) {
    }

    @GetMapping("/resources/sendable")
    List<SendableResource> sendable(Caller caller) {
        return resources.granting(org(caller), "write").stream()
                .map(id -> new SendableResource(id, catalog.find(id).flatMap(r -> r.maxFileTransferSize()).orElse(null)))
                .toList();
    }

    @GetMapping("/resources/owned")
    List<String> owned(Caller caller) {
        return catalog.resourceIdsOwnedBy(org(caller));
    }

    private static Organization org(Caller caller) {
        return caller.organization().orElseThrow(() -> new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE));
    }
}
