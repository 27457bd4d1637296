package no.formidler.resource;

/**
 * The body of PUT /resource/{id} ({@code ResourceExt}): each field that is present (not null) is applied, the rest
 * stay as they are.
 */
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
