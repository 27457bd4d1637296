package no.formidler.resource;

import java.time.Duration;
import java.util.Optional;
import no.formidler.auth.Organization;

/** A resource configured for file transfers, with the settings that govern its transfers (defaults applied). */
public record Resource(
        String id,
        Organization serviceOwner,
        Optional<Long> maxFileTransferSize,
        Duration timeToLive,
        boolean purgeAfterAllRecipientsConfirmed,
        Duration purgeGracePeriod,
        Optional<String> requiredParty,
        boolean approvedForDisabledVirusScan) {
}
