package no.formidler.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of PUT /resource/{id} ({@code ResourceExt}): each field that is present (not null) is applied, the rest
 * stay as they are.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // unknown members ignored, as the reference does (README)
record ResourceSettingsChange(
        Long maxFileTransferSize,
        String fileTransferTimeToLive,
        Boolean purgeFileTransferAfterAllRecipientsConfirmed,
        String purgeFileTransferGracePeriod,
        Boolean useManifestFileShim,
        String externalServiceCodeLegacy,
        Integer externalServiceEditionCodeLegacy,
        String requiredParty) {
}
