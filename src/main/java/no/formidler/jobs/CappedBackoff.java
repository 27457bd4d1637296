package no.formidler.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;

/** Tries a failed job again after {@code initial}, doubled per failed attempt after the first, at most {@code max}. */
record CappedBackoff<T>(Duration initial, Duration max) implements FailureHandler<T> {

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int attempts = complete.getExecution().consecutiveFailures + 1;
        operations.reschedule(complete, complete.getTimeDone().plus(backoff(attempts, initial, max)));
    }

    static Duration backoff(int attempts, Duration initial, Duration max) {
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
