package no.formidler.resource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import no.formidler.auth.Organization;
import org.springframework.stereotype.Service;

/** Other features' view of configured resources, with defaults applied. */
@Service
public class ResourceCatalog {
    static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofDays(30);
    static final Duration DEFAULT_GRACE_PERIOD = Duration.ofHours(2);
    private final ResourceRepository resources;
    private final ServiceOwnerRepository owners;

    ResourceCatalog(ResourceRepository resources, ServiceOwnerRepository owners) {
        this.resources = resources;
        this.owners = owners;
    }

    /** The name a service owner registered with, if it is registered. */
    public Optional<String> serviceOwnerName(Organization owner) {
        return owners.name(owner);
    }

    public Optional<Resource> find(String resourceId) {
        return resources.find(resourceId).map(ResourceCatalog::effective);
    }

    /** The ids of the resources {@code owner} has configured, in id order. */
    public List<String> resourceIdsOwnedBy(Organization owner) {
        return resources.idsOwnedBy(owner);
    }

    private static Resource effective(ResourceRepository.StoredSettings s) {
        return new Resource(
                s.id(),
                s.owner(),
                Optional.ofNullable(s.maxFileTransferSize()),
                IsoDuration.parse(s.timeToLive()).orElse(DEFAULT_TIME_TO_LIVE),
                s.purgeAfterAllConfirmed(),
                IsoDuration.parse(s.gracePeriod()).orElse(DEFAULT_GRACE_PERIOD),
                Optional.ofNullable(s.requiredParty()).filter(p -> !p.isBlank()),
                s.approvedForDisabledVirusScan());
    }
}
