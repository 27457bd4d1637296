package no.formidler.auth;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the organisation the token acts for (a system user's owner, an enterprise token's org, or the
 * Maskinporten consumer), the vendor that authenticated, and the token's scopes.
 */
public record Caller(Optional<Organization> organization, Optional<Organization> vendor, Set<String> scopes,
                     String clientId) {
    public static final String SCOPE_WRITE = "altinn:broker.write";
    public static final String SCOPE_READ = "altinn:broker.read";
    public static final String SCOPE_SERVICE_OWNER = "altinn:serviceowner";
    public static final String SCOPE_MAINTENANCE = "altinn:broker.maintenance";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
