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

    /** The most any transfer may be (the reference's global limit; its error text says 100GB). */
    public static final long GLOBAL_MAX_SIZE = 1_677_721_600_000L;
    public static final String URN_PREFIX = "urn:altinn:resource:";

    /** The resource id as stored: without the {@code urn:altinn:resource:} prefix that clients may send. */
    public static String idOf(String wireId) {
        return wireId.startsWith(URN_PREFIX) ? wireId.substring(URN_PREFIX.length()) : wireId;
    }

    /** The most a malware-scanned transfer may be (reference: 50 GB). */
    public static final long SCANNED_MAX_SIZE = 50_000_000_000L;
}
