package no.formidler.auth;

/**
 * Decides whether a caller may act for a party on a resource. Standalone mode answers from the broker's own access
 * rules; Altinn mode asks Altinn Authorization. Callers never learn why a request was denied.
 */
public interface PolicyDecisionPoint {
    boolean permits(AccessRequest request);
}
