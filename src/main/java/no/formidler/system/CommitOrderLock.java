package no.formidler.system;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lock that puts the audit log's and the event outbox's appends in commit order: a transaction-scoped advisory
 * lock on one key, shared by every node on the database and held from a transaction's first append to its commit, so
 * a transaction that numbers an entry commits before the next one can number one. One lock for both logs, taken once
 * per transaction (a state change appends to both). Every writer waits while it is held, so what runs under it must
 * be few round trips (docs/benchmarks.md, "Initialize under load").
 */
@Component
public class CommitOrderLock {
    /** The audit log's key of before: nodes of the previous version, which took it first, still take turns with these. */
    private static final long KEY = 0x466f726d41756469L;
    private final JdbcClient jdbc;

    CommitOrderLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lock unless this transaction holds it already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold() {
        boolean synchronizing = TransactionSynchronizationManager.isSynchronizationActive();
        // The mark is a synchronization of this transaction: suspended with it, so an inner one takes its own lock.
        if (synchronizing && TransactionSynchronizationManager.getSynchronizations().stream().anyMatch(Held.class::isInstance)) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", KEY).query().listOfRows();
        if (synchronizing) {
            TransactionSynchronizationManager.registerSynchronization(new Held());
        }
    }

    private static final class Held implements TransactionSynchronization {
    }
}
