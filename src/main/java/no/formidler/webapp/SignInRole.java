package no.formidler.webapp;

import java.util.Arrays;
import java.util.Optional;
import no.formidler.auth.Caller;

/** What a person signs in as, and the scopes their session's token carries for it. */
enum SignInRole {
    /** Sends and receives files for the organisation. */
    PARTY("party", Caller.SCOPE_WRITE + " " + Caller.SCOPE_READ + " altinn:events.subscribe"),
    /** Administers the organisation's resources, rules, subscriptions and statistics. */
    SERVICE_OWNER("serviceowner", Caller.SCOPE_SERVICE_OWNER + " altinn:events.subscribe");

    private final String id;
    private final String scopes;

    SignInRole(String id, String scopes) {
        this.id = id;
        this.scopes = scopes;
    }

    String id() {
        return id;
    }

    String scopes() {
        return scopes;
    }

    static Optional<SignInRole> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
