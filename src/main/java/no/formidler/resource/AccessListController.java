package no.formidler.resource;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.ValidationErrors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Formidler extension: the service owner's access list of a resource, the standalone counterpart of an Altinn
 * Resource Registry access list (so standalone mode only). While enabled, every recipient of a new transfer must be a member (BRO-00028).
 */
@RestController
@ConditionalOnProperty(name = "formidler.mode", havingValue = "standalone", matchIfMissing = true)
@RequestMapping("/broker/api/v1/resource/{resourceId}/accesslist")
class AccessListController {
    private final ResourceAdministration administration;
    private final AccessListRepository lists;

    AccessListController(ResourceAdministration administration, AccessListRepository lists) {
        this.administration = administration;
        this.lists = lists;
    }

    /** The list on the wire: members as organisation ids in either form, answered in the {@code 0192:} form. */
    record AccessListBody(Boolean enabled, List<String> members) {
    }

    @Operation(summary = "Replace the access list of a resource (Formidler extension)",
            description = "While enabled, every recipient of a new file transfer must be a member, else 400 BRO-00028.")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    AccessListBody replace(Caller caller, @PathVariable String resourceId, @RequestBody AccessListBody body) {
        var settings = administration.ownedBy(caller, resourceId);
        lists.replace(settings.id(), checked(body));
        AccessListBody replaced = view(lists.find(settings.id()));
        administration.recordChange(caller, settings.id(), "resource-access-list", replaced);
        return replaced;
    }

    @Operation(summary = "Read the access list of a resource (Formidler extension)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    AccessListBody get(Caller caller, @PathVariable String resourceId) {
        var settings = administration.ownedBy(caller, resourceId);
        return view(lists.find(settings.id()));
    }

    private static AccessListRepository.AccessList checked(AccessListBody body) {
        ValidationErrors errors = new ValidationErrors();
        if (body.enabled() == null) {
            errors.add("enabled", "The enabled field is required.");
        }
        LinkedHashSet<Organization> members = new LinkedHashSet<>();
        List<String> given = body.members() == null ? List.of() : body.members();
        for (int i = 0; i < given.size(); i++) {
            String member = given.get(i);
            Organization.parse(member).ifPresentOrElse(members::add, () -> errors.add("members",
                    "A member is an organisation id (0192:<9 digits> or " + Organization.URN_PREFIX + "<9 digits>): " + member));
        }
        errors.throwIfAny();
        return new AccessListRepository.AccessList(body.enabled(), new ArrayList<>(members));
    }

    private static AccessListBody view(AccessListRepository.AccessList list) {
        return new AccessListBody(list.enabled(), list.members().stream().map(Organization::prefixed).toList());
    }
}
