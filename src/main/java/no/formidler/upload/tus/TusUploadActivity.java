package no.formidler.upload.tus;

import java.time.Instant;
import java.util.UUID;
import no.formidler.transfer.RecentUploadActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the stuck-transfer check that a resumable upload is still alive: an unfinished upload's expiry slides with
 * each PATCH, so its last activity is its expiry less the upload expiration.
 */
@Component
class TusUploadActivity implements RecentUploadActivity {
    private final JdbcClient jdbc;
    private final TusProperties properties;

    TusUploadActivity(JdbcClient jdbc, TusProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public boolean activeSince(UUID fileTransferId, Instant since) {
        return jdbc.sql("""
                        select exists (select 1 from tus_upload
                          where file_transfer_id = :id and not finished and expires >= :activeUntil)""")
                .param("id", fileTransferId)
                .param("activeUntil", java.time.OffsetDateTime.ofInstant(since.plus(properties.uploadExpiration()),
                        java.time.ZoneOffset.UTC))
                .query(Boolean.class)
                .single();
    }
}
