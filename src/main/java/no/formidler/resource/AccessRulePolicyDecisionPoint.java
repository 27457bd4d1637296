package no.formidler.resource;

import no.formidler.auth.AccessRequest;
import no.formidler.auth.PolicyDecisionPoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Standalone mode's decisions: the caller must act for the party itself (its token's organisation is the party),
 * and the resource's access rules must grant that party the action. An unconfigured resource allows nothing.
 */
@Component
@ConditionalOnProperty(name = "formidler.mode", havingValue = "standalone", matchIfMissing = true)
class AccessRulePolicyDecisionPoint implements PolicyDecisionPoint {
    private final ResourceRepository resources;

    AccessRulePolicyDecisionPoint(ResourceRepository resources) {
        this.resources = resources;
    }

    @Override
    public boolean permits(AccessRequest request) {
        boolean actsForParty = request.caller().organization().filter(request.party()::equals).isPresent();
        return actsForParty && resources.isGranted(request.resourceId(), request.party(), request.action());
    }
}
