package no.formidler.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import no.formidler.system.CommitOrder;
import no.formidler.system.NumberedLog;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: events are appended in the transaction of the state change that causes them, so that
 * no change commits without its events and no event outlives a rolled-back change. Appending the same event twice
 * is harmless (its id is deterministic).
 *
 * <p>An event is appended without a sequence number and numbered after the commit by {@link CommitOrder}, after the
 * audit log (whose receipts the events announce). Numbers are given one round at a time across every node and a
 * round's commit makes them visible at once, so a reader that has seen sequence {@code n} will never later see a
 * smaller one appear: that is what makes the feed cursor and the delivery cursors safe (no event committed "behind" a
 * cursor). Readers only ever see numbered events.
 */
@Component
@Order(2)
public class EventOutbox implements NumberedLog {
    private final NamedParameterJdbcTemplate batch;
    private final JdbcClient jdbc;
    private final CommitOrder commitOrder;
    private final OutboxSignal signal;

    EventOutbox(NamedParameterJdbcTemplate batch, JdbcClient jdbc, CommitOrder commitOrder, OutboxSignal signal) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.commitOrder = commitOrder;
        this.signal = signal;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<TransferEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                        insert into event_outbox (id, type, resource_id, file_transfer_id, subject_org, role, time)
                        values (:id, :type, :resource, :transfer, :subject, :role, :time)
                        on conflict (id) do nothing""",
                events.stream().map(EventOutbox::parameters).toArray(MapSqlParameterSource[]::new));
        commitOrder.appended();
    }

    @Override
    public boolean hasPending() {
        return jdbc.sql("select exists (select 1 from event_outbox where sequence is null)").query(Boolean.class).single();
    }

    /** Numbers the waiting events after the last one, in the order they were appended; wakes the workers after. */
    @Override
    public int numberPending(int limit) {
        int numbered = jdbc.sql("""
                        update event_outbox o set sequence = last.sequence + pending.n
                          from (select arrival, row_number() over (order by arrival) as n
                                  from event_outbox where sequence is null order by arrival limit :limit) pending,
                               (select coalesce(max(sequence), 0) as sequence from event_outbox) last
                         where o.arrival = pending.arrival""")
                .param("limit", limit).update();
        if (numbered > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.fire();
                }
            });
        }
        return numbered;
    }

    private static MapSqlParameterSource parameters(TransferEvent event) {
        return new MapSqlParameterSource()
                .addValue("id", event.id())
                .addValue("type", event.type().wireType())
                .addValue("resource", event.resourceId())
                .addValue("transfer", event.fileTransferId())
                .addValue("subject", event.subject().number())
                .addValue("role", event.role().name())
                .addValue("time", OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC));
    }
}
