package no.formidler.resource;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import no.formidler.audit.AuditLog;
import no.formidler.audit.Audited;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.error.ValidationException;
import no.formidler.system.FormidlerProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service owner's administration of its resources. The first PUT of a resource creates it, owned by the owner the
 * {@link ResourceRegistry} names (standalone: the caller; Altinn mode: the Resource Registry's owner).
 */
@Service
public class ResourceAdministration {
    private static final java.util.regex.Pattern RESOURCE_ID = java.util.regex.Pattern.compile("^(?:urn:altinn:resource:)?[^:/]{1,255}$");
    private final ResourceRepository resources;
    private final ServiceOwnerRepository owners;
    private final ResourceRegistry registry;
    private final FormidlerProperties properties;
    private final Clock clock;
    private final AuditLog audit;

    ResourceAdministration(ResourceRepository resources, ServiceOwnerRepository owners, ResourceRegistry registry,
                           FormidlerProperties properties, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.resources = resources;
        this.owners = owners;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void configure(Caller caller, String resourceId, ResourceSettingsChange change) {
        String id = checkedId(resourceId);
        ResourceSettingsRules.checkShape(change);
        Organization org = caller.organization().orElseThrow(() -> new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE));
        var existing = resources.find(id);
        if (existing.isPresent() && !existing.get().owner().equals(org)) {
            throw new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE);
        }
        if (existing.isEmpty()) {
            Organization owner = registry.ownerOfNewResource(id, org)
                    .orElseThrow(() -> new BrokerException(BrokerError.RESOURCE_NOT_REGISTERED));
            if (!owner.equals(org)) {
                throw new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE);
            }
            if (owners.name(org).isEmpty()) {
                throw new BrokerException(BrokerError.SERVICE_OWNER_OF_RESOURCE_NOT_CONFIGURED);
            }
        }
        boolean approved = existing.map(ResourceRepository.StoredSettings::approvedForDisabledVirusScan).orElse(false);
        ResourceSettingsRules.check(change, properties.malwareScanning(), approved);
        resources.createIfAbsent(id, org, clock.instant());
        resources.apply(id, change);
        var updated = resources.find(id).orElseThrow();
        if (!updated.owner().equals(org)) {
            // Another organisation created it between our look and our insert: its settings are not ours to change.
            throw new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE);
        }
        if (updated.useManifestFileShim() && (updated.externalServiceCodeLegacy() == null
                || updated.externalServiceCodeLegacy().isEmpty() || updated.externalServiceEditionCodeLegacy() == null
                || updated.externalServiceEditionCodeLegacy() == 0)) {
            throw new BrokerException(BrokerError.MANIFEST_SHIM_NEEDS_LEGACY_CODES);
        }
        audit.record(Audited.ofResource(org, existing.isEmpty() ? "resource-created" : "resource-settings", id,
                Map.of("change", change)));
    }

    /** Records a change of the resource's rules or access list, made by its owner in the caller's transaction. */
    void recordChange(Caller caller, String resourceId, String action, Object change) {
        audit.record(Audited.ofResource(caller.organization().orElseThrow(), action, resourceId, Map.of("change", change)));
    }

    /** An operator's decision whether the resource's transfers may skip malware scanning (400 BRO-00025 if unknown). */
    @Transactional
    public void approveDisabledVirusScan(String resourceId, boolean approved) {
        String id = checkedId(resourceId);
        if (!resources.approveDisabledVirusScan(id, approved)) {
            throw new BrokerException(BrokerError.RESOURCE_NOT_CONFIGURED);
        }
        audit.record(new Audited(Optional.empty(), Optional.empty(), "resource-scan-approval", "resource:" + id,
                Optional.empty(), Optional.of(id), Map.of("approvedForDisabledVirusScan", approved)));
    }

    /** The stored settings of a resource the caller owns: 400 BRO-00025 when unknown, 401 BRO-00006 when not its. */
    ResourceRepository.StoredSettings ownedBy(Caller caller, String resourceId) {
        var settings = resources.find(checkedId(resourceId))
                .orElseThrow(() -> new BrokerException(BrokerError.RESOURCE_NOT_CONFIGURED));
        if (caller.organization().filter(settings.owner()::equals).isEmpty()) {
            throw new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE);
        }
        return settings;
    }

    /** The resource id without its URN prefix; a malformed id is a validation problem. */
    static String checkedId(String resourceId) {
        if (resourceId == null || !RESOURCE_ID.matcher(resourceId).matches()) {
            throw ValidationException.of("resourceId", "Invalid Resource identifier format");
        }
        return Resource.idOf(resourceId);
    }
}
