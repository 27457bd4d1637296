package no.formidler.system;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * How many times the watchdog may start the embedded PostgreSQL within a sliding window, counted across outages: a
 * server that dies again right after each start would otherwise be "restarted" forever and liveness never go DOWN.
 */
final class RestartBudget {
    static final Duration WINDOW = Duration.ofMinutes(10);
    private final int attempts;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Deque<Long> taken = new ArrayDeque<>();

    /** With {@code nanoTime} a monotonic ticker in nanoseconds, as {@link System#nanoTime()}. */
    RestartBudget(int attempts, Duration window, LongSupplier nanoTime) {
        this.attempts = attempts;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Takes one start attempt, or says false when {@code attempts} were already taken within the window. */
    synchronized boolean take() {
        long now = nanoTime.getAsLong();
        while (!taken.isEmpty() && now - taken.peekFirst() >= windowNanos) {
            taken.removeFirst();
        }
        if (taken.size() >= attempts) {
            return false;
        }
        taken.addLast(now);
        return true;
    }
}
