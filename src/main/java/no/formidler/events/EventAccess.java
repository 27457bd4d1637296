package no.formidler.events;

import java.util.Optional;
import no.formidler.auth.AccessRequest;
import no.formidler.auth.Action;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.auth.PolicyDecisionPoint;
import no.formidler.resource.Resource;
import no.formidler.resource.ResourceCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may see a resource's events (docs/compatibility.md §7): a party that the resource's rules grant {@code
 * subscribe}, for its own events only; the resource's service owner (with the service-owner scope) for every party's
 * events.
 */
@Component
class EventAccess {
    private final PolicyDecisionPoint pdp;
    private final ResourceCatalog resources;

    EventAccess(PolicyDecisionPoint pdp, ResourceCatalog resources) {
        this.pdp = pdp;
        this.resources = resources;
    }

    /**
     * The subject whose events the caller gets ({@code empty}: all of the resource's, for its service owner), or 403.
     * Without a requested subject a party gets its own events.
     */
    Optional<Organization> require(Caller caller, String resourceId, Optional<Organization> requestedSubject) {
        Organization callerOrg = caller.organization().orElseThrow(EventAccess::denied);
        boolean owner = caller.hasScope(Caller.SCOPE_SERVICE_OWNER)
                && resources.find(resourceId).map(Resource::serviceOwner).filter(callerOrg::equals).isPresent();
        if (owner) {
            return requestedSubject;
        }
        Organization subject = requestedSubject.orElse(callerOrg);
        if (!pdp.permits(new AccessRequest(caller, resourceId, subject, Action.SUBSCRIBE, Optional.empty()))) {
            throw denied();
        }
        return Optional.of(subject);
    }

    /** Like {@link #require}, but a party must name itself as subject: only a service owner may leave it out. */
    void requireForSubscription(Caller caller, String resourceId, Optional<Organization> subject) {
        Optional<Organization> granted = require(caller, resourceId, subject);
        if (subject.isEmpty() && granted.isPresent()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only the resource's service owner may subscribe without a subject filter.");
        }
    }

    private static ResponseStatusException denied() {
        return new ResponseStatusException(HttpStatus.FORBIDDEN,
                "The caller is not authorized to receive events of this resource for this subject.");
    }
}
