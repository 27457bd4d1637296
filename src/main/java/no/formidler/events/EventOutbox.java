package no.formidler.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
 * <p>Sequence numbers become visible in order: appending takes a transaction-scoped advisory lock, so a transaction
 * that draws a sequence number commits before the next one can draw one. A reader that has seen sequence {@code n}
 * will therefore never later see a smaller one appear, which is what makes the feed cursor and the delivery cursors
 * safe (no event committed "behind" a cursor). The lock is held from the append to the commit, so callers append
 * as the last step of their transaction.
 */
@Component
public class EventOutbox {
    /** Any fixed 64-bit key; shared by all broker nodes on the same database. */
    private static final long SEQUENCE_LOCK = 0x466f726d69646c72L;
    private final JdbcClient jdbc;
    private final OutboxSignal signal;

    EventOutbox(JdbcClient jdbc, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.signal = signal;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<TransferEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", SEQUENCE_LOCK).query().listOfRows();
        for (TransferEvent event : events) {
            jdbc.sql("""
                            insert into event_outbox (id, type, resource_id, file_transfer_id, subject_org, role, time)
                            values (:id, :type, :resource, :transfer, :subject, :role, :time)
                            on conflict (id) do nothing""")
                    .param("id", event.id())
                    .param("type", event.type().wireType())
                    .param("resource", event.resourceId())
                    .param("transfer", event.fileTransferId())
                    .param("subject", event.subject().number())
                    .param("role", event.role().name())
                    .param("time", OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                    .update();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.fire();
                }
            });
        }
    }
}
