package no.formidler.upload.tus;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Waits, by asking PostgreSQL, until some transaction holds a row lock on {@code tus_upload} (a PATCH streaming its
 * body): {@code select … for update} keeps a RowShareLock on the table until it commits. Lets a test send a competing
 * request exactly while the first one is writing, instead of guessing with sleeps.
 */
final class UploadLocks {
    private UploadLocks() {
    }

    static void awaitPatchInProgress(String jdbcUrl, String user, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, null)) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = connection.createStatement().executeQuery("""
                        select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                        where c.relname = 'tus_upload' and l.mode = 'RowShareLock' and l.granted""")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("No PATCH took the upload's lock within " + timeout);
    }
}
