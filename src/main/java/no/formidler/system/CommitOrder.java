package no.formidler.system;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers the audit log's and the event outbox's entries after their changes commit ({@link NumberedLog}).
 *
 * <p>A change does not number its own entries: it would have to hold a lock through its commit, so that changes
 * committed one after another, each waiting for its own WAL flush, and that lock, not the CPU, would bound how many
 * changes a second the broker makes (docs/benchmarks.md, "Initialize under load"). A change only appends; one round at
 * a time, across every node, takes the lock (a transaction-scoped advisory lock on one key) and numbers every
 * committed entry waiting, so one commit numbers what many changes appended. Rounds run on this node's {@code commit-order} thread, woken by each
 * commit that appended; and by {@link #catchUp()}, for a reader that must see every committed entry numbered (a
 * transfer's audit, its receipts, the event feed). A round that fails (the database away) is retried at the next poll.
 */
@Component
public class CommitOrder implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CommitOrder.class);
    /** The lock's key, the same on every node (and the one the previous version's changes held through their commits). */
    private static final long KEY = 0x466f726d41756469L;
    /** At most this many entries of one log in one round: the round's transaction stays short. */
    static final int ROUND_LIMIT = 1_000;
    private static final long POLL_MILLIS = 1_000;
    /**
     * How long a woken round waits for more commits before it starts: under load a round would otherwise number two
     * or three changes, and its statements and WAL flush cost CPU the changes need (measured: 12% more initializes a
     * second with 5 ms, docs/benchmarks.md). Readers' catch-ups do not wait.
     */
    private static final long GATHER_MILLIS = 5;
    private final JdbcClient jdbc;
    private final ObjectProvider<NumberedLog> logs;
    private final TransactionTemplate transaction;
    /** One round at a time on this node: a reader's catch-up and the thread's round do not both go to the database. */
    private final ReentrantLock rounds = new ReentrantLock();
    private final ReentrantLock wake = new ReentrantLock();
    private final Condition appended = wake.newCondition();
    private long appends;
    private volatile boolean running;
    private Thread thread;

    CommitOrder(JdbcClient jdbc, ObjectProvider<NumberedLog> logs, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.logs = logs;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Called by a log that appended in the current transaction: its entries are numbered soon after the commit. */
    public void appended() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeUp();
            return;
        }
        if (TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(WakeAfterCommit.class::isInstance)) {
            TransactionSynchronizationManager.registerSynchronization(new WakeAfterCommit());
        }
    }

    /** Numbers every entry committed before this call, unless none waits; call it outside a transaction. */
    public void catchUp() {
        if (logs.orderedStream().anyMatch(NumberedLog::hasPending)) {
            numberAll();
        }
    }

    private void numberAll() {
        rounds.lock();
        try {
            while (round()) {
                // until a round leaves nothing behind
            }
        } finally {
            rounds.unlock();
        }
    }

    /** One round: true when a log had more than it numbered. */
    private boolean round() {
        Boolean more = transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", KEY).query().listOfRows();
            boolean full = false;
            for (NumberedLog numbered : logs.orderedStream().toList()) {
                full |= numbered.numberPending(ROUND_LIMIT) == ROUND_LIMIT;
            }
            return full;
        });
        return Boolean.TRUE.equals(more);
    }

    private void wakeUp() {
        wake.lock();
        try {
            appends++;
            appended.signalAll();
        } finally {
            wake.unlock();
        }
    }

    private void run() {
        long seen = -1;
        while (running) {
            try {
                long now = awaitAppend(seen);
                if (now == seen) {
                    catchUp(); // the poll: another node's entries, or what a crash left
                } else {
                    Thread.sleep(GATHER_MILLIS);
                    numberAll();
                }
                seen = now;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Numbering the audit log and the event outbox failed; retrying: {}", e.getMessage());
                sleep();
            }
        }
    }

    /** Waits until a commit appended after {@code seen}, or the poll interval passes (another node's, a crash's leftovers). */
    private long awaitAppend(long seen) throws InterruptedException {
        wake.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
            while (appends == seen && nanos > 0 && running) {
                nanos = appended.awaitNanos(nanos);
            }
            return appends;
        } finally {
            wake.unlock();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts before the web server and stops after it, so that the last requests' entries are numbered too. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "commit-order");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the commit, so that the round finds the entries; once per transaction. */
    private final class WakeAfterCommit implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            wakeUp();
        }
    }
}
