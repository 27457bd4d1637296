package no.formidler.auth;

import java.util.Optional;
import java.util.UUID;

/** One question to the policy decision point: may this caller, acting for this party, do this on this resource? */
public record AccessRequest(Caller caller, String resourceId, Organization party, Action action,
                            Optional<UUID> fileTransferId) {
}
