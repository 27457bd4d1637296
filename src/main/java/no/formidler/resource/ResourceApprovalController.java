package no.formidler.resource;

import no.formidler.error.ValidationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator (scope {@code altinn:broker.maintenance}) approves a resource for transfers without malware scanning.
 * The reference has no API for this (a database flag); only this approval lets {@code disableVirusScan: true} through.
 */
@RestController
class ResourceApprovalController {
    private final ResourceAdministration administration;

    ResourceApprovalController(ResourceAdministration administration) {
        this.administration = administration;
    }

    record Approval(Boolean approvedForDisabledVirusScan) {
    }

    @PutMapping(value = "/broker/api/v1/resource/{resourceId}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> approve(@PathVariable String resourceId, @RequestBody Approval approval) {
        if (approval.approvedForDisabledVirusScan() == null) {
            throw ValidationException.of("approvedForDisabledVirusScan", "The approvedForDisabledVirusScan field is required.");
        }
        administration.approveDisabledVirusScan(resourceId, approval.approvedForDisabledVirusScan());
        return ResponseEntity.noContent().build();
    }
}
