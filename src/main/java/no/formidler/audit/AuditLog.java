package no.formidler.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Organization;
import no.formidler.system.CommitOrderLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log: an entry is written in the transaction of the change it records, so neither commits
 * without the other.
 *
 * <p>Sequence numbers are gap-free and in commit order across nodes: appending takes the {@link CommitOrderLock}
 * (shared with the event outbox), held until commit, and numbers the entry after the last committed one. Callers
 * append late in their transaction, before the outbox append.
 */
@Component
public class AuditLog {
    static final String SYSTEM = "system";
    private final JdbcClient jdbc;
    private final CommitOrderLock commitOrder;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, CommitOrderLock commitOrder, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.commitOrder = commitOrder;
        this.json = json;
        this.clock = clock;
    }

    /** Appends the entry and returns its sequence number. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(Audited audited) {
        commitOrder.hold();
        Optional<Last> last = jdbc.sql("select sequence, hash from audit_entry order by sequence desc limit 1")
                .query((rs, n) -> new Last(rs.getLong(1), rs.getBytes(2))).optional();
        AuditEntry entry = new AuditEntry(last.map(Last::sequence).orElse(0L) + 1,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                audited.actor().map(Organization::prefixed).orElse(SYSTEM),
                audited.vendor().map(Organization::prefixed).orElse(""), audited.action(), audited.subject(),
                json.writeValueAsString(audited.details()), last.map(Last::hash).orElse(new byte[32]));
        jdbc.sql("""
                        insert into audit_entry (sequence, time, actor, vendor, action, subject, file_transfer_id,
                                                 resource_id, details, previous_hash, hash)
                        values (:sequence, :time, :actor, :vendor, :action, :subject, :transfer, :resource, :details,
                                :previous, :hash)""")
                .param("sequence", entry.sequence())
                .param("time", OffsetDateTime.ofInstant(entry.time(), ZoneOffset.UTC))
                .param("actor", entry.actor())
                .param("vendor", entry.vendor())
                .param("action", entry.action())
                .param("subject", entry.subject())
                .param("transfer", audited.fileTransferId().orElse(null))
                .param("resource", audited.resourceId().orElse(null))
                .param("details", entry.details())
                .param("previous", entry.previousHash())
                .param("hash", entry.hash())
                .update();
        return entry.sequence();
    }

    /** A transfer's entries, in order. */
    public List<StoredEntry> ofTransfer(UUID fileTransferId) {
        return jdbc.sql(SELECT + " where file_transfer_id = :id order by sequence")
                .param("id", fileTransferId).query(AuditLog::stored).list();
    }

    /** Every entry's sequence number and leaf hash, in log order: what a checkpoint's tree is built over. */
    List<Leaf> leaves() {
        return jdbc.sql("select sequence, hash from audit_entry order by sequence")
                .query((rs, n) -> new Leaf(rs.getLong(1), rs.getBytes(2))).list();
    }

    record Leaf(long sequence, byte[] hash) {
    }

    private static final String SELECT = """
            select sequence, time, actor, vendor, action, subject, details, previous_hash, hash from audit_entry""";

    private static StoredEntry stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        AuditEntry entry = new AuditEntry(rs.getLong("sequence"), rs.getObject("time", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("vendor"), rs.getString("action"), rs.getString("subject"),
                rs.getString("details"), rs.getBytes("previous_hash"));
        return new StoredEntry(entry, rs.getBytes("hash"));
    }

    /** An entry as read back, with the hash it was stored with (which differs from its own if it was altered). */
    public record StoredEntry(AuditEntry entry, byte[] storedHash) {
    }

    private record Last(long sequence, byte[] hash) {
    }
}
