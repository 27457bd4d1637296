package no.formidler.storage;

import java.util.Optional;
import java.util.UUID;

/**
 * The one layout of a blob key, {@code <serviceOwner>/<fileTransferId>/<attemptId>}: built here for every upload
 * attempt (a new attempt never overwrites the blob of an earlier one) and read back here by the stores that split off
 * the service owner and by the scanner's report that names the blob. Elsewhere a key is an opaque string.
 */
public record BlobKey(String serviceOwner, UUID fileTransferId, UUID attemptId) {

    /** A key for a new upload attempt of the transfer. */
    public static BlobKey newAttempt(String serviceOwner, UUID fileTransferId) {
        return new BlobKey(serviceOwner, fileTransferId, UUID.randomUUID());
    }

    /** The key as stores take it. */
    public String value() {
        return serviceOwner + "/" + fileTransferId + "/" + attemptId;
    }

    /** A key split after its first segment (the service owner); empty when the key has no two non-empty parts. */
    public record Owned(String serviceOwner, String rest) {
    }

    static Optional<Owned> owned(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Owned(key.substring(0, slash), key.substring(slash + 1)));
    }

    /**
     * The transfer a blob's address names (query and fragment ignored): ours end in {@code /<fileTransferId>/<attemptId>},
     * the reference's in {@code /<fileTransferId>}; empty when the last segment is not a UUID.
     */
    public static Optional<UUID> fileTransferIdIn(String address) {
        String[] segments = address.replaceAll("[?#].*$", "").split("/");
        Optional<UUID> last = uuid(segments[segments.length - 1]);
        if (last.isEmpty() || segments.length < 2) {
            return last;
        }
        return Optional.of(uuid(segments[segments.length - 2]).orElse(last.get()));
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
