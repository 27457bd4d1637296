package no.formidler.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Wakes this node's event workers when a transaction with events commits, so delivery starts at once instead of at
 * the next poll. Other nodes find the events by polling; a missed signal only costs latency, never an event.
 */
@Component
class OutboxSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition fired = lock.newCondition();
    private long generation;

    void fire() {
        lock.lock();
        try {
            generation++;
            fired.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a signal after {@code seen} fires or the timeout passes. */
    void await(long seen, long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (generation == seen && nanos > 0) {
                nanos = fired.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
