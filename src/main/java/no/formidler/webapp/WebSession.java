package no.formidler.webapp;

import java.time.Instant;
import no.formidler.auth.Organization;

/** A person's signed-in session: whom they act for, in which role, and the broker token they act with. */
record WebSession(String idHash, Organization org, SignInRole role, String csrfToken, String token,
                  Instant tokenExpires, Instant expires) {
}
