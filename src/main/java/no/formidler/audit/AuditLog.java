package no.formidler.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Organization;
import no.formidler.system.CommitOrder;
import no.formidler.system.NumberedLog;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log: an entry is written in the transaction of the change it records, so neither commits
 * without the other.
 *
 * <p>It is written unnumbered ({@code audit_pending}) and numbered after the commit by {@link CommitOrder}: sequence
 * numbers are gap-free and in one order across nodes, each entry chained to the one before, and a receipt recorded
 * with an entry is signed with its number in the same transaction. Numbered before the event outbox, so that no event
 * announces a receipt that is not there yet.
 */
@Component
@Order(1)
public class AuditLog implements NumberedLog {
    static final String SYSTEM = "system";
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final CommitOrder commitOrder;
    private final Receipts receipts;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, NamedParameterJdbcTemplate batch, CommitOrder commitOrder, Receipts receipts,
             JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.commitOrder = commitOrder;
        this.receipts = receipts;
        this.json = json;
        this.clock = clock;
    }

    /** Records the entry; it is numbered soon after the transaction commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Audited audited) {
        record(audited, Optional.empty());
    }

    /**
     * Records an entry that goes with no change of state (a part of a download whose start is already recorded) in a
     * statement of its own, committed at once: one round trip to the database instead of two.
     */
    @Transactional(propagation = Propagation.NEVER)
    public void recordAlone(Audited audited) {
        record(audited, Optional.empty());
    }

    /** Records the entry and the receipt that certifies the same change, signed with the entry's number. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Audited audited, Optional<Receipts.Unsigned> receipt) {
        jdbc.sql("""
                        insert into audit_pending (time, actor, vendor, action, subject, file_transfer_id, resource_id,
                                                   details, receipt_claims, receipt_recipient)
                        values (:time, :actor, :vendor, :action, :subject, :transfer, :resource, :details, :claims,
                                :recipient)""")
                .param("time", OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                .param("actor", audited.actor().map(Organization::prefixed).orElse(SYSTEM))
                .param("vendor", audited.vendor().map(Organization::prefixed).orElse(""))
                .param("action", audited.action())
                .param("subject", audited.subject())
                .param("transfer", audited.fileTransferId().orElse(null))
                .param("resource", audited.resourceId().orElse(null))
                .param("details", json.writeValueAsString(audited.details()))
                .param("claims", receipt.map(r -> json.writeValueAsString(r.claims())).orElse(null))
                .param("recipient", receipt.flatMap(Receipts.Unsigned::recipient).map(Organization::number).orElse(null))
                .update();
        commitOrder.appended();
    }

    @Override
    public boolean hasPending() {
        return jdbc.sql("select exists (select 1 from audit_pending)").query(Boolean.class).single();
    }

    /** Chains the waiting entries after the last one, in the order they were written, and signs their receipts. */
    @Override
    public int numberPending(int limit) {
        List<Pending> pending = jdbc.sql("select * from audit_pending order by id limit :limit").param("limit", limit)
                .query(this::pending).list();
        if (pending.isEmpty()) {
            return 0;
        }
        Optional<Last> last = jdbc.sql("select sequence, hash from audit_entry order by sequence desc limit 1")
                .query((rs, n) -> new Last(rs.getLong(1), rs.getBytes(2))).optional();
        long sequence = last.map(Last::sequence).orElse(0L);
        byte[] previous = last.map(Last::hash).orElse(new byte[32]);
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (Pending p : pending) {
            AuditEntry entry = new AuditEntry(++sequence, p.time(), p.actor(), p.vendor(), p.action(), p.subject(),
                    p.details(), previous);
            previous = entry.hash();
            rows.add(new MapSqlParameterSource()
                    .addValue("sequence", entry.sequence())
                    .addValue("time", OffsetDateTime.ofInstant(entry.time(), ZoneOffset.UTC))
                    .addValue("actor", entry.actor())
                    .addValue("vendor", entry.vendor())
                    .addValue("action", entry.action())
                    .addValue("subject", entry.subject())
                    .addValue("transfer", p.fileTransferId())
                    .addValue("resource", p.resourceId())
                    .addValue("details", entry.details())
                    .addValue("previous", entry.previousHash())
                    .addValue("hash", previous));
            long numbered = sequence;
            p.receipt().ifPresent(receipt -> receipts.issue(receipt, numbered));
        }
        batch.batchUpdate("""
                        insert into audit_entry (sequence, time, actor, vendor, action, subject, file_transfer_id,
                                                 resource_id, details, previous_hash, hash)
                        values (:sequence, :time, :actor, :vendor, :action, :subject, :transfer, :resource, :details,
                                :previous, :hash)""", rows.toArray(MapSqlParameterSource[]::new));
        // One array, not an IN list: a list would make each batch size a statement of its own to parse and cache.
        jdbc.sql("delete from audit_pending where id = any(:ids)")
                .param("ids", pending.stream().map(Pending::id).toArray(Long[]::new)).update();
        return pending.size();
    }

    /** A transfer's entries, in order, each committed one numbered first; call it outside a transaction. */
    public List<StoredEntry> ofTransfer(UUID fileTransferId) {
        commitOrder.catchUp();
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

    private static StoredEntry stored(ResultSet rs, int n) throws SQLException {
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

    /** An entry written by its change's transaction, waiting for its number. */
    private record Pending(long id, Instant time, String actor, String vendor, String action, String subject,
                           UUID fileTransferId, String resourceId, String details, Optional<Receipts.Unsigned> receipt) {
    }

    @SuppressWarnings("unchecked")
    private Pending pending(ResultSet rs, int n) throws SQLException {
        Optional<Organization> recipient = Optional.ofNullable(rs.getString("receipt_recipient")).map(Organization::new);
        Optional<Receipts.Unsigned> receipt = Optional.ofNullable(rs.getString("receipt_claims"))
                .map(claims -> new Receipts.Unsigned(json.readValue(claims, LinkedHashMap.class), recipient));
        return new Pending(rs.getLong("id"), rs.getObject("time", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("vendor"), rs.getString("action"), rs.getString("subject"),
                rs.getObject("file_transfer_id", UUID.class), rs.getString("resource_id"), rs.getString("details"),
                receipt);
    }
}
