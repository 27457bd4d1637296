package no.formidler.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.error.ValidationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * E11/E12 (docs/compatibility.md §1): the caller's organisation registers as a service owner; in standalone mode its
 * storage is ready at once.
 */
@RestController
@RequestMapping("/broker/api/v1/serviceowner")
class ServiceOwnerController {
    private final ServiceOwnerRepository owners;
    private final Clock clock;

    ServiceOwnerController(ServiceOwnerRepository owners, Clock clock) {
        this.owners = owners;
        this.clock = clock;
    }

    @JsonIgnoreProperties(ignoreUnknown = true) // unknown members ignored, as the reference does (README)
    record Registration(String name) {
    }

    record StorageProvider(String type, String deploymentStatus, String deploymentEnvironment) {
    }

    record ServiceOwnerOverview(String name, List<StorageProvider> storageProviders) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> register(Caller caller, @RequestBody Registration registration) {
        if (registration.name() == null || registration.name().isBlank()) {
            throw new ValidationException(Map.of("name", List.of("The Name field is required.")));
        }
        Organization org = callerOrganization(caller);
        if (!owners.insert(org, registration.name().trim(), clock.instant())) {
            throw new BrokerException(BrokerError.SERVICE_OWNER_EXISTS);
        }
        return ResponseEntity.ok().build();
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ServiceOwnerOverview get(Caller caller) {
        Organization org = callerOrganization(caller);
        String name = owners.name(org).orElseThrow(() -> new BrokerException(BrokerError.SERVICE_OWNER_NOT_FOUND));
        return new ServiceOwnerOverview(name, List.of(
                new StorageProvider("AltinnAzure", "Ready", "Standalone"),
                new StorageProvider("AltinnAzureWithoutVirusScan", "Ready", "Standalone")));
    }

    private static Organization callerOrganization(Caller caller) {
        return caller.organization().orElseThrow(() -> new BrokerException(BrokerError.CALLER_ORGANIZATION_UNKNOWN));
    }
}
