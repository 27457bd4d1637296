package no.formidler.resource;

import java.util.Optional;
import no.formidler.auth.Organization;

/**
 * Who owns a resource the broker does not know yet (docs/compatibility.md §5.6). Standalone, the broker is its own
 * registry: whoever configures a resource first owns it. In Altinn mode, the owner in the Altinn Resource Registry.
 */
public interface ResourceRegistry {
    /** The owner, or empty when the resource is not registered (403 BRO-00005). */
    Optional<Organization> ownerOfNewResource(String resourceId, Organization configuringParty);
}
