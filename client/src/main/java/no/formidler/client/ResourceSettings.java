package no.formidler.client;

/**
 * A resource's settings ({@code PUT/GET /resource/{id}}); on a change, null fields stay as they are. Durations in
 * ISO-8601 ({@code P30D}) or the reference's {@code TimeSpan} text.
 */
public record ResourceSettings(Long maxFileTransferSize, String fileTransferTimeToLive,
                               Boolean purgeFileTransferAfterAllRecipientsConfirmed, String purgeFileTransferGracePeriod,
                               Boolean useManifestFileShim, String externalServiceCodeLegacy,
                               Integer externalServiceEditionCodeLegacy, String requiredParty) {

    public static ResourceSettings of(long maxFileTransferSize, String fileTransferTimeToLive) {
        return new ResourceSettings(maxFileTransferSize, fileTransferTimeToLive, null, null, null, null, null, null);
    }
}
