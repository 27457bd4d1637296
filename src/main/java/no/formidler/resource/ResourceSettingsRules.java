package no.formidler.resource;

import java.time.Duration;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.error.ValidationErrors;

/** The rules a change of resource settings must pass (E9, docs/compatibility.md §5.6), in the reference's order. */
final class ResourceSettingsRules {
    private static final Duration MAX_TIME_TO_LIVE = Duration.ofDays(365);
    private static final Duration MAX_GRACE_PERIOD = Duration.ofHours(24);

    private ResourceSettingsRules() {
    }

    /** Shape errors that the reference answers as a validation problem (before any lookup). */
    static void checkShape(ResourceSettingsChange change) {
        if (Boolean.TRUE.equals(change.useManifestFileShim())) {
            ValidationErrors errors = new ValidationErrors();
            if (change.externalServiceCodeLegacy() == null || change.externalServiceCodeLegacy().isEmpty()) {
                errors.add("externalServiceCodeLegacy", "ExternalServiceCodeLegacy must be set and not be an empty string.");
            }
            if (change.externalServiceEditionCodeLegacy() == null || change.externalServiceEditionCodeLegacy() == 0) {
                errors.add("externalServiceEditionCodeLegacy", "ExternalServiceEditionCodeLegacy must be set and not be zero.");
            }
            errors.throwIfAny();
        }
        if (change.externalServiceCodeLegacy() != null && change.externalServiceCodeLegacy().length() > 7) {
            new ValidationErrors().add("externalServiceCodeLegacy", "ExternalServiceCodeLegacy can be at most 7 characters.").throwIfAny();
        }
        if (change.requiredParty() != null && change.requiredParty().length() > 255) {
            new ValidationErrors().add("requiredParty", "RequiredParty can be at most 255 characters.").throwIfAny();
        }
    }

    /**
     * Domain errors (BRO-00011 … 00023) for the change.
     *
     * @param scanningRequired whether a malware scanner caps the size (the reference's production rule)
     */
    static void check(ResourceSettingsChange change, boolean scanningRequired, boolean approvedForDisabledScan) {
        Long max = change.maxFileTransferSize();
        if (max != null) {
            if (max < 0) {
                throw new BrokerException(BrokerError.MAX_SIZE_NEGATIVE);
            }
            if (max == 0) {
                throw new BrokerException(BrokerError.MAX_SIZE_ZERO);
            }
            if (max > Resource.GLOBAL_MAX_SIZE) {
                throw new BrokerException(BrokerError.MAX_SIZE_OVER_GLOBAL_LIMIT);
            }
            if (scanningRequired && !approvedForDisabledScan && max > Resource.SCANNED_MAX_SIZE) {
                throw new BrokerException(BrokerError.MAX_SIZE_OVER_SCAN_LIMIT);
            }
        }
        if (change.fileTransferTimeToLive() != null) {
            Duration ttl = IsoDuration.parse(change.fileTransferTimeToLive())
                    .orElseThrow(() -> new BrokerException(BrokerError.INVALID_TIME_TO_LIVE));
            if (ttl.compareTo(MAX_TIME_TO_LIVE) > 0) {
                throw new BrokerException(BrokerError.TIME_TO_LIVE_TOO_LONG);
            }
        }
        if (change.purgeFileTransferGracePeriod() != null) {
            Duration grace = IsoDuration.parse(change.purgeFileTransferGracePeriod())
                    .orElseThrow(() -> new BrokerException(BrokerError.INVALID_GRACE_PERIOD));
            if (grace.compareTo(MAX_GRACE_PERIOD) > 0) {
                throw new BrokerException(BrokerError.GRACE_PERIOD_TOO_LONG);
            }
        }
    }
}
