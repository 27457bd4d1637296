package no.formidler.system;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most {@code size} threads hold a turn at once; the others wait, and are served in the order they came. A thread
 * that holds a turn takes a nested one at once, so a turn never waits for a turn.
 */
final class ConnectionTurns {
    private final Semaphore permits;
    private final int size;
    private final ThreadLocal<Turn> current = new ThreadLocal<>();

    ConnectionTurns(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Turns: at least 1, not " + size);
        }
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    int size() {
        return size;
    }

    /** How many threads wait for a turn now. */
    int waiting() {
        return permits.getQueueLength();
    }

    /** The calling thread's turn, once it has come; empty when it did not come within {@code timeout}. */
    Optional<Turn> take(Duration timeout) throws InterruptedException {
        Turn held = current.get();
        if (held != null && held.open.get()) {
            return Optional.of(Turn.NESTED);
        }
        if (!permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        Turn turn = new Turn(permits);
        current.set(turn);
        return Optional.of(turn);
    }

    /** One turn; a nested one gives nothing back when it ends. */
    static final class Turn {
        /** Never any thread's current turn, so its state is never read. */
        private static final Turn NESTED = new Turn(null);
        private final Semaphore permits;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Turn(Semaphore permits) {
            this.permits = permits;
        }

        /** Ends the turn; ending it again does nothing. */
        void end() {
            if (open.compareAndSet(true, false) && permits != null) {
                permits.release();
            }
        }
    }
}
