package no.formidler.webapp;

import java.util.HashMap;
import java.util.List;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.resource.PartyResources;
import no.formidler.resource.ResourceCatalog;
import no.formidler.transfer.PartyTransfers;
import no.formidler.transfer.TransferAccess;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web app lists for the signed-in organisation and that the Altinn API has no call for (its search needs a
 * resource): its inbox and sent transfers across resources, and the resources it may send on or owns. Only the
 * caller's own organisation is ever listed, and only on resources whose rules still let it search (as the API's
 * search would); the details of each transfer come from the API itself.
 */
@RestController
@RequestMapping(value = "/web/api", produces = MediaType.APPLICATION_JSON_VALUE)
class PartyController {
    private final PartyTransfers transfers;
    private final PartyResources resources;
    private final ResourceCatalog catalog;
    private final TransferAccess access;

    PartyController(PartyTransfers transfers, PartyResources resources, ResourceCatalog catalog, TransferAccess access) {
        this.transfers = transfers;
        this.resources = resources;
        this.catalog = catalog;
        this.access = access;
    }

    @GetMapping("/inbox")
    List<PartyTransfers.Row> inbox(Caller caller) {
        return permitted(caller, transfers.received(org(caller)));
    }

    @GetMapping("/sent")
    List<PartyTransfers.Row> sent(Caller caller) {
        return permitted(caller, transfers.sent(org(caller)));
    }

    /** Drops the rows on resources the caller may no longer search; one decision per resource. */
    private List<PartyTransfers.Row> permitted(Caller caller, List<PartyTransfers.Row> rows) {
        Organization org = org(caller);
        var decisions = new HashMap<String, Boolean>();
        return rows.stream()
                .filter(row -> decisions.computeIfAbsent(row.resourceId(), id -> access.maySearch(caller, id, org)))
                .toList();
    }

    record SendableResource(String id, Long maxFileTransferSize) {
    }

    @GetMapping("/resources/sendable")
    List<SendableResource> sendable(Caller caller) {
        return resources.granting(org(caller), "write").stream()
                .map(id -> new SendableResource(id, catalog.find(id).flatMap(r -> r.maxFileTransferSize()).orElse(null)))
                .toList();
    }

    /** For the notification settings: the resources on which the organisation may receive, to pick an address's. */
    @GetMapping("/resources/receivable")
    List<String> receivable(Caller caller) {
        return resources.granting(org(caller), "read");
    }

    @GetMapping("/resources/owned")
    List<String> owned(Caller caller) {
        return catalog.resourceIdsOwnedBy(org(caller));
    }

    private static Organization org(Caller caller) {
        return caller.organization().orElseThrow(() -> new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE));
    }
}
