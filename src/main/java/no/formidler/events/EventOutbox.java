package no.formidler.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import no.formidler.system.CommitOrderLock;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
 * <p>Sequence numbers become visible in order: appending takes the {@link CommitOrderLock} (shared with the audit log:
 * a state change that audited first takes no second lock), so a transaction that draws a sequence number commits
 * before the next one can draw one. A reader that has seen sequence {@code n}
 * will therefore never later see a smaller one appear, which is what makes the feed cursor and the delivery cursors
 * safe (no event committed "behind" a cursor). The lock is held from the append to the commit, so callers append
 * as the last step of their transaction.
 */
@Component
public class EventOutbox {
    private final NamedParameterJdbcTemplate batch;
    private final CommitOrderLock commitOrder;
    private final OutboxSignal signal;

    EventOutbox(NamedParameterJdbcTemplate batch, CommitOrderLock commitOrder, OutboxSignal signal) {
        this.batch = batch;
        this.commitOrder = commitOrder;
        this.signal = signal;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<TransferEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        commitOrder.hold();
        // One batch, one round trip however many recipients: every other writer waits while the lock is held.
        batch.batchUpdate("""
                        insert into event_outbox (id, type, resource_id, file_transfer_id, subject_org, role, time)
                        values (:id, :type, :resource, :transfer, :subject, :role, :time)
                        on conflict (id) do nothing""",
                events.stream().map(EventOutbox::parameters).toArray(MapSqlParameterSource[]::new));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.fire();
                }
            });
        }
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
