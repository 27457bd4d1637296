package no.formidler.resource;

import no.formidler.auth.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** E9/E10 (docs/compatibility.md §1): a service owner configures its resources. */
@RestController
@RequestMapping("/broker/api/v1/resource/{resourceId}")
class ResourceController {
    private final ResourceAdministration administration;

    ResourceController(ResourceAdministration administration) {
        this.administration = administration;
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> configure(Caller caller, @PathVariable String resourceId,
                                   @RequestBody ResourceSettingsChange change) {
        administration.configure(caller, resourceId, change);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResourceSettingsView get(Caller caller, @PathVariable String resourceId) {
        return ResourceSettingsView.of(administration.ownedBy(caller, resourceId));
    }

    /** The resource settings as the reference returns them, durations in .NET TimeSpan text ({@code 30.00:00:00}). */
    record ResourceSettingsView(Long maxFileTransferSize, String fileTransferTimeToLive,
                                boolean purgeFileTransferAfterAllRecipientsConfirmed, String purgeFileTransferGracePeriod,
                                boolean useManifestFileShim, String externalServiceCodeLegacy,
                                Integer externalServiceEditionCodeLegacy, String requiredParty) {
        static ResourceSettingsView of(ResourceRepository.StoredSettings s) {
            return new ResourceSettingsView(s.maxFileTransferSize(), timeSpan(s.timeToLive()), s.purgeAfterAllConfirmed(),
                    timeSpan(s.gracePeriod()), s.useManifestFileShim(), s.externalServiceCodeLegacy(),
                    s.externalServiceEditionCodeLegacy(), s.requiredParty());
        }

        /** Stored as given (ISO-8601 or TimeSpan text), checked when it was stored. */
        private static String timeSpan(String stored) {
            return IsoDuration.parse(stored).map(TimeSpanText::format).orElse(null);
        }
    }
}
