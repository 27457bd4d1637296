package no.formidler.events;

import java.util.Optional;
import no.formidler.auth.Organization;

/** Parses the party filters Altinn Events clients send. */
final class EventFilters {
    private static final String LEGACY_PREFIX = "/organisation/";

    private EventFilters() {
    }

    /** {@code urn:altinn:organization:identifier-no:<org>}, {@code 0192:<org>} or the legacy {@code /organisation/<org>}. */
    static Optional<Organization> subject(String text) {
        if (text.startsWith(LEGACY_PREFIX)) {
            return Organization.fromAnyForm(text.substring(LEGACY_PREFIX.length()))
                    .filter(o -> text.length() == LEGACY_PREFIX.length() + 9);
        }
        return Organization.parse(text);
    }
}
