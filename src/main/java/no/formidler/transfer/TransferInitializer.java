package no.formidler.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.resource.Resource;
import no.formidler.resource.ResourceCatalog;
import no.formidler.system.FormidlerProperties;
import no.formidler.system.TimeOrderedIds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Initialize (E1, docs/compatibility.md §1): checks the request and the sender's rights, then creates the transfer and
 * its first event.
 */
@Service
public class TransferInitializer {
    private final Transitions path;
    private final TransferAccess access;
    private final ResourceCatalog resources;
    private final FormidlerProperties properties;
    private final PurgeSchedule purges;
    private final TransferLimits limits;

    TransferInitializer(Transitions path, TransferAccess access, ResourceCatalog resources,
                        FormidlerProperties properties, PurgeSchedule purges, TransferLimits limits) {
        this.path = path;
        this.limits = limits;
        this.access = access;
        this.resources = resources;
        this.properties = properties;
        this.purges = purges;
    }

    @Transactional
    public UUID initialize(Caller caller, InitializeRequest request) {
        InitializeRequestRules.check(request, limits.maxRecipients());
        String resourceId = Resource.idOf(request.resourceId());
        Organization sender = Organization.parse(request.sender()).orElseThrow();
        if (!access.maySend(caller, resourceId, sender)) {
            throw new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE);
        }
        Resource resource = resources.find(resourceId).orElseThrow(() -> new BrokerException(BrokerError.RESOURCE_NOT_CONFIGURED));
        if (request.virusScanDisabled() && properties.malwareScanning() && !resource.approvedForDisabledVirusScan()) {
            throw new BrokerException(BrokerError.VIRUS_SCAN_DISABLE_NOT_APPROVED);
        }
        List<Organization> recipients = distinctRecipients(request.recipients());
        if (!resources.accessListAdmitsAll(resourceId, recipients)) {
            throw new BrokerException(BrokerError.RECIPIENT_NOT_IN_ACCESS_LIST);
        }
        RequiredPartyRule.check(resource.requiredParty(), sender, recipients);

        Instant now = path.now();
        Instant expires = now.plus(resource.timeToLive());
        UUID id = TimeOrderedIds.next(now);
        purges.firstPurgeAt(id, expires);
        path.initialize(new TransferRepository.NewTransfer(id, resourceId, request.fileName(),
                request.sendersFileTransferReference(), request.sender(), sender,
                Optional.ofNullable(request.checksum()).filter(c -> !c.isEmpty()), !request.virusScanDisabled(), now,
                expires, request.propertyList() == null ? Map.of() : request.propertyList(),
                recipients, caller.vendor()));
        return id;
    }

    /** Recipients in request order, each once (the reference would record a duplicate twice). */
    private static List<Organization> distinctRecipients(List<String> recipients) {
        LinkedHashSet<Organization> distinct = new LinkedHashSet<>();
        recipients.forEach(r -> distinct.add(Organization.parse(r).orElseThrow()));
        return new ArrayList<>(distinct);
    }
}
