package no.formidler.altinn;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cursor of publication to Altinn Events: leased by one node at a time, moved only past published events. */
@Repository
class PublicationRepository {
    private final JdbcClient jdbc;

    PublicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Cursor(long deliveredSequence, int failedAttempts) {
    }

    Optional<Cursor> claim(String name, Instant now, Instant leaseUntil, UUID token) {
        jdbc.sql("""
                        insert into event_publication (name, delivered_sequence, next_attempt) values (:name, 0, :now)
                        on conflict (name) do nothing""")
                .param("name", name).param("now", utc(now)).update();
        return jdbc.sql("""
                        update event_publication set lease_until = :leaseUntil, lease_token = :token
                         where name in (
                               select p.name from event_publication p
                                where p.name = :name and p.next_attempt <= :now
                                  and (p.lease_until is null or p.lease_until < :now)
                                  and exists (select 1 from event_outbox o where o.sequence > p.delivered_sequence)
                                  for update skip locked)
                        returning delivered_sequence, failed_attempts""")
                .param("name", name).param("now", utc(now)).param("leaseUntil", utc(leaseUntil)).param("token", token)
                .query((rs, row) -> new Cursor(rs.getLong(1), rs.getInt(2)))
                .optional();
    }

    /** Moves the cursor past a published event and renews the lease; false when the lease was lost. */
    boolean advance(String name, UUID token, long sequence, Instant leaseUntil) {
        return jdbc.sql("""
                        update event_publication set delivered_sequence = :sequence, failing_since = null,
                               failed_attempts = 0, lease_until = :leaseUntil
                         where name = :name and lease_token = :token""")
                .param("leaseUntil", utc(leaseUntil))
                .param("name", name).param("token", token).param("sequence", sequence).update() == 1;
    }

    void failed(String name, UUID token, String error, Instant now, Instant nextAttempt) {
        jdbc.sql("""
                        update event_publication
                           set failing_since = coalesce(failing_since, :now), failed_attempts = failed_attempts + 1,
                               last_error = :error, next_attempt = :next, lease_until = null, lease_token = null
                         where name = :name and lease_token = :token""")
                .param("name", name).param("token", token).param("error", error).param("now", utc(now))
                .param("next", utc(nextAttempt)).update();
    }

    void release(String name, UUID token) {
        jdbc.sql("update event_publication set lease_until = null, lease_token = null where name = :name and lease_token = :token")
                .param("name", name).param("token", token).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
