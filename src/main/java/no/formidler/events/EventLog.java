package no.formidler.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the outbox in sequence order: for the feed, for webhook delivery and for publication to Altinn. */
@Repository
class EventLog {
    private static final String COLUMNS = "sequence, id, type, resource_id, file_transfer_id, subject_org, role, time";
    private final JdbcClient jdbc;

    EventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A resource's events after {@code after}, optionally of one subject and of some types only. */
    List<StoredEvent> after(String resourceId, long after, Optional<String> subjectOrg, List<String> types, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from event_outbox
                        where resource_id = :resource and sequence > :after
                          and (cast(:subject as text) is null or subject_org = :subject)
                          and (:anyType or type in (:types))
                        order by sequence
                        limit :limit""")
                .param("resource", resourceId)
                .param("after", after)
                .param("subject", subjectOrg.orElse(null))
                .param("anyType", types.isEmpty())
                .param("types", types.isEmpty() ? List.of("") : types)
                .param("limit", limit)
                .query(EventLog::map)
                .list();
    }

    /** Every resource's events after {@code after} ({@link OutboxFeed}: publication to Altinn Events). */
    List<StoredEvent> after(long after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from event_outbox where sequence > :after order by sequence limit :limit")
                .param("after", after)
                .param("limit", limit)
                .query(EventLog::map)
                .list();
    }

    Optional<StoredEvent> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from event_outbox where id = :id and sequence is not null").param("id", id)
                .query(EventLog::map).optional();
    }

    long lastSequence() {
        return jdbc.sql("select coalesce(max(sequence), 0) from event_outbox").query(Long.class).single();
    }

    private static StoredEvent map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredEvent(rs.getLong("sequence"), rs.getObject("id", UUID.class), rs.getString("type"),
                rs.getString("resource_id"), rs.getObject("file_transfer_id", UUID.class), rs.getString("subject_org"),
                rs.getString("role"), rs.getObject("time", OffsetDateTime.class).toInstant());
    }
}
