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
    private final AccessListDirectory accessLists;

    ResourceCatalog(ResourceRepository resources, AccessListDirectory accessLists) {
        this.resources = resources;
        this.accessLists = accessLists;
    }

    /** Whether the resource's access list (when it has one enabled) admits every one of the recipients, in order. */
    public boolean accessListAdmitsAll(String resourceId, List<Organization> recipients) {
        return accessLists.admitsAll(resourceId, recipients);
    }

    public Optional<Resource> find(String resourceId) {
        return resources.find(resourceId).map(ResourceCatalog::effective);
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
