package no.formidler.storage;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * An optional capability of a {@link BlobStore}: telling what it holds, so that the orphan sweep can remove bytes no
 * transfer owns (a database outage between storing a file and recording it; a process killed mid-write).
 */
public interface ListableStore {

    /** A complete blob and when it was last written. */
    record StoredBlob(String key, Instant modified) {
    }

    /** Calls {@code each} with every complete blob: not parts of parted uploads, not writes in progress. */
    void forEachBlob(Consumer<StoredBlob> each) throws IOException;

    /**
     * Deletes what writes last touched before {@code cutoff} left behind unfinished (a broker killed mid-upload);
     * returns how many it deleted.
     */
    int removeAbandonedWrites(Instant cutoff) throws IOException;
}
