package no.formidler.jobs;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.formidler.storage.BlobStore;
import no.formidler.storage.ListableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The recurring orphan sweep (issue 17, finding 8): removes stored bytes that nothing owns, once they were last written
 * {@code formidler.jobs.orphan-age} ago: temporary files of streamed uploads a killed broker left behind, and complete
 * blobs that neither a transfer ({@code file_location}) nor a TUS upload on its way to completion ({@code blob_key})
 * names, such as a file stored just before the database went away. Only stores that can list themselves are swept.
 */
@Component
public class OrphanSweep {
    static final String TASK_NAME = "orphan-sweep";
    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);
    private static final int BATCH = 500;
    private final BlobStore store;
    private final JdbcClient jdbc;
    private final JobProperties properties;
    // File times are the operating system's, so ages are measured on its clock, not the broker's (tests move that).
    private final Clock fileClock = Clock.systemUTC();

    OrphanSweep(BlobStore store, JdbcClient jdbc, JobProperties properties) {
        this.store = store;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Returns how many files or blobs it removed. */
    public int sweep() throws IOException {
        if (!(store instanceof ListableStore listable)) {
            return 0;
        }
        Instant cutoff = fileClock.instant().minus(properties.orphanAge());
        int abandoned = listable.removeAbandonedWrites(cutoff);
        List<String> old = new ArrayList<>();
        listable.forEachBlob(blob -> {
            if (blob.modified().isBefore(cutoff)) {
                old.add(blob.key());
            }
        });
        int orphans = 0;
        for (int from = 0; from < old.size(); from += BATCH) {
            for (String key : unowned(old.subList(from, Math.min(old.size(), from + BATCH)))) {
                store.delete(key);
                orphans++;
            }
        }
        if (abandoned + orphans > 0) {
            log.info("Orphan sweep: removed {} abandoned upload files and {} blobs no transfer owns", abandoned, orphans);
        }
        return abandoned + orphans;
    }

    private List<String> unowned(List<String> keys) {
        return jdbc.sql("""
                        select k from unnest(cast(:keys as text[])) as k
                        where not exists (select 1 from file_transfer where file_location = k)
                          and not exists (select 1 from tus_upload where blob_key = k)""")
                .param("keys", keys.toArray(String[]::new))
                .query(String.class).list();
    }
}
