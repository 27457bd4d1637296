package no.formidler.resource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import no.formidler.auth.Organization;
import org.springframework.stereotype.Service;

/** Other features' view of configured resources, with defaults applied. */
@Service
public class ResourceCatalog {
    private final ResourceRepository resources;
    private final ResourceDefaults defaults;
    private final ServiceOwnerRepository owners;
    private final AccessListDirectory accessLists;

    ResourceCatalog(ResourceRepository resources, ResourceDefaults defaults, ServiceOwnerRepository owners,
                    AccessListDirectory accessLists) {
        this.resources = resources;
        this.defaults = defaults;
        this.owners = owners;
        this.accessLists = accessLists;
    }

    /** The name a service owner registered with, if it is registered. */
    public Optional<String> serviceOwnerName(Organization owner) {
        return owners.name(owner);
    }

    /** Whether the resource's access list (when it has one enabled) admits every one of the recipients, in order. */
    public boolean accessListAdmitsAll(String resourceId, List<Organization> recipients) {
        return accessLists.admitsAll(resourceId, recipients);
    }

    public Optional<Resource> find(String resourceId) {
        return resources.find(resourceId).map(this::effective);
    }

    /** The ids of the resources {@code owner} has configured, in id order. */
    public List<String> resourceIdsOwnedBy(Organization owner) {
        return resources.idsOwnedBy(owner);
    }

    private Resource effective(ResourceRepository.StoredSettings s) {
        return new Resource(
                s.id(),
                s.owner(),
                Optional.ofNullable(s.maxFileTransferSize()),
                IsoDuration.parse(s.timeToLive()).orElse(defaults.timeToLive()),
                s.purgeAfterAllConfirmed(),
                IsoDuration.parse(s.gracePeriod()).orElse(defaults.purgeGracePeriod()),
                Optional.ofNullable(s.requiredParty()).filter(p -> !p.isBlank()),
                s.approvedForDisabledVirusScan());
    }
}
