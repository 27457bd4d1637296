package no.formidler.scan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scan_job table: stored files waiting for an in-process scan, claimed by one node at a time. */
@Repository
class ScanJobRepository {
    private final JdbcClient jdbc;

    ScanJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Job(UUID fileTransferId, int attempts, Instant nextAttempt, String lastError) {
    }

    void enqueue(UUID id, Instant due) {
        jdbc.sql("insert into scan_job (file_transfer_id, next_attempt) values (:id, :due) on conflict do nothing")
                .param("id", id)
                .param("due", utc(due))
                .update();
    }

    /**
     * Claims up to {@code limit} due jobs for this node: each gets its attempt counted and its next attempt moved to
     * {@code leaseUntil}, so no other node takes it while it is scanned, and another does if this node dies.
     */
    List<Job> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update scan_job j set attempts = j.attempts + 1, next_attempt = :lease
                        from (select file_transfer_id from scan_job where next_attempt <= :now
                              order by next_attempt limit :limit for update skip locked) due
                        where j.file_transfer_id = due.file_transfer_id
                        returning j.file_transfer_id, j.attempts, j.next_attempt, j.last_error""")
                .param("now", utc(now))
                .param("lease", utc(leaseUntil))
                .param("limit", limit)
                .query((rs, n) -> job(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4)))
                .list();
    }

    void retryAt(UUID id, Instant at, String error) {
        jdbc.sql("update scan_job set next_attempt = :at, last_error = :error where file_transfer_id = :id")
                .param("at", utc(at))
                .param("error", error)
                .param("id", id)
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from scan_job where file_transfer_id = :id").param("id", id).update();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("select file_transfer_id, attempts, next_attempt, last_error from scan_job where file_transfer_id = :id")
                .param("id", id)
                .query((rs, n) -> job(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4)))
                .optional();
    }

    private static Job job(UUID id, int attempts, OffsetDateTime next, String error) {
        return new Job(id, attempts, next.toInstant(), error);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
