package no.formidler.storage;

/**
 * Maps a blob key ({@link BlobKey}) to a bucket or container and the name inside
 * it: one shared container holding the whole key, or one container per service owner ({@code <base>-<owner>}) holding
 * the rest of the key, so an owner's files can be given their own retention, keys or billing.
 */
public record ContainerLayout(String base, boolean perServiceOwner) {

    public record Location(String container, String name) {
    }

    public Location locate(String key) {
        if (key.isBlank() || key.startsWith("/") || key.contains("//") || key.contains("..")) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        if (!perServiceOwner) {
            return new Location(base, key);
        }
        BlobKey.Owned owned = BlobKey.owned(key)
                .orElseThrow(() -> new IllegalArgumentException("Not a blob key with a service owner: " + key));
        String owner = owned.serviceOwner().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "-");
        return new Location(base + "-" + owner, owned.rest());
    }
}
