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

    /**
     * A key split after its first segment (the service owner); empty when the key has no two non-empty parts or has a
     * {@code .} or {@code ..} segment.
     */
    public record Owned(String serviceOwner, String rest) {
    }

    static Optional<Owned> owned(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            return Optional.empty();
        }
        Owned owned = new Owned(key.substring(0, slash), key.substring(slash + 1));
        boolean dotSegment = (owned.serviceOwner() + "/" + owned.rest() + "/").matches(".*(^|/)\\.{1,2}/.*");
        return dotSegment ? Optional.empty() : Optional.of(owned);
    }

    /** The transfer a blob's address names, and the upload attempt if the address is one of ours. */
    public record Named(UUID fileTransferId, Optional<UUID> attemptId) {
        /** False when the address names an upload attempt other than the one {@code fileLocation} holds. */
        public boolean sameAttemptAs(Optional<String> fileLocation) {
            return attemptId.isEmpty() || fileLocation.isEmpty()
                    || fileLocation.filter(l -> l.endsWith("/" + fileTransferId + "/" + attemptId.get())).isPresent();
        }
    }

    /**
     * What a blob's address names (query and fragment ignored): ours end in {@code /<fileTransferId>/<attemptId>},
     * the reference's in {@code /<fileTransferId>}; empty when the last segment is not a UUID.
     */
    public static Optional<Named> namedIn(String address) {
        String[] segments = address.replaceAll("[?#].*$", "").split("/");
        if (segments.length == 0) { // only slashes
            return Optional.empty();
        }
        Optional<UUID> last = uuid(segments[segments.length - 1]);
        if (last.isEmpty() || segments.length < 2) {
            return last.map(id -> new Named(id, Optional.empty()));
        }
        return Optional.of(uuid(segments[segments.length - 2]).map(id -> new Named(id, last))
                .orElse(new Named(last.get(), Optional.empty())));
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
