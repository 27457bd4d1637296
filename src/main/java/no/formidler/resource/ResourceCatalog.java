package no.formidler.resource;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Other features' view of configured resources, with defaults applied. */
@Service
public class ResourceCatalog {
    private final ResourceRepository resources;
    private final ResourceDefaults defaults;

    ResourceCatalog(ResourceRepository resources, ResourceDefaults defaults) {
        this.resources = resources;
        this.defaults = defaults;
    }

    public Optional<Resource> find(String resourceId) {
        return resources.find(resourceId).map(this::effective);
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
