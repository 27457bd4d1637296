package no.formidler.client;

import java.util.List;

/** {@code GET /serviceowner}: the caller's organisation as service owner and its storage. */
public record ServiceOwner(String name, List<StorageProvider> storageProviders) {

    public record StorageProvider(String type, String deploymentStatus, String deploymentEnvironment) {
    }
}
