package no.formidler.upload.tus;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Waits, by asking PostgreSQL, until some PATCH holds a live lease on a {@code tus_upload} row (it is streaming its
 * body). Lets a test send a competing request exactly while the first one is writing, instead of guessing with sleeps.
 */
final class UploadLocks {
    private UploadLocks() {
    }

    static void awaitPatchInProgress(String jdbcUrl, String user, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, null)) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = connection.createStatement().executeQuery("""
                        select count(*) from tus_upload where lease_owner is not null and lease_expires > now()""")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("No PATCH took an upload's lease within " + timeout);
    }
}
