package no.formidler.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.formidler.transfer.PurgeSchedule;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purges as rows of {@code scheduled_tasks}, one per transfer under its id: scheduling again moves that row. The row
 * is written through the caller's transaction (the starter makes db-scheduler's DataSource transaction-aware).
 */
@Component
class ScheduledPurges implements PurgeSchedule {
    static final TaskDescriptor<Void> PURGE = TaskDescriptor.of("purge-file-transfer");
    private final SchedulerClient scheduler;

    ScheduledPurges(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    static TaskInstanceId purgeOf(UUID fileTransferId) {
        return PURGE.instanceId(fileTransferId.toString());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void purgeAt(UUID fileTransferId, Instant at) {
        try {
            scheduler.schedule(PURGE.instance(fileTransferId.toString()).build(), at,
                    SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException e) {
            // The purge is running right now: the file goes sooner than asked, which is what the new time wanted.
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void firstPurgeAt(UUID fileTransferId, Instant at) {
        // A batch of one is db-scheduler's only insert that does not first read whether the instance exists.
        scheduler.scheduleBatch(List.<TaskInstance<?>>of(PURGE.instance(fileTransferId.toString()).build()), at);
    }
}
