package no.formidler.events;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The loop of an event worker thread: does a round of work, and when it has nothing more to do at once sleeps until
 * an event commits on this node ({@link OutboxSignal}) or the poll interval passes. A failed round (the database or
 * Altinn briefly away: restart, failover) is reported and retried after a poll. Returns when interrupted.
 */
final class PollingLoop {
    private PollingLoop() {
    }

    /** One round of work; true when there may be more to do at once. */
    interface Round {
        boolean run() throws InterruptedException;
    }

    static void run(BooleanSupplier running, OutboxSignal signal, Duration pollInterval, Round round,
                    Consumer<RuntimeException> failed) {
        while (running.getAsBoolean()) {
            try {
                long seen = signal.generation();
                if (!round.run()) {
                    signal.await(seen, pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failed.accept(e);
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
