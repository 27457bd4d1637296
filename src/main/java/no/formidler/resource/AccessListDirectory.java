package no.formidler.resource;

import java.util.List;
import no.formidler.auth.Organization;

/**
 * Where access lists live: the broker's own tables in standalone mode, the Altinn Resource Registry in Altinn mode
 * (docs/compatibility.md §3). A resource without an enabled access list admits every recipient.
 */
public interface AccessListDirectory {
    /** Whether every recipient may receive on the resource; checked in order, stopping at the first refused. */
    boolean admitsAll(String resourceId, List<Organization> recipients);
}
