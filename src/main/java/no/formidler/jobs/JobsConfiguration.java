package no.formidler.jobs;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import no.formidler.transfer.TransferPurge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The broker's durable jobs on db-scheduler (table {@code scheduled_tasks}): a purge per transfer and the recurring
 * stuck-transfer check. Nodes sharing a database claim each due job with a guarded update, so one node runs it.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(JobsConfiguration.class);

    /** db-scheduler reads the broker's clock, so due times follow the same time as the rest (and tests can move it). */
    @Bean
    com.github.kagkarlsson.scheduler.Clock schedulerClock(Clock clock) {
        return clock::instant;
    }

    /** A failed purge is retried with growing pauses: it is safe to repeat, and a file must not outlive its time. */
    @Bean
    OneTimeTask<Void> purgeTask(TransferPurge purge) {
        return Tasks.oneTime(ScheduledPurges.PURGE)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1)))
                .execute((instance, context) -> {
                    UUID id = UUID.fromString(instance.getId());
                    log.info("Purge of file transfer {} started", id);
                    try {
                        log.info("Purge of file transfer {}: {}", id, purge.purge(id));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Deleting the file of " + id + " failed", e);
                    }
                });
    }

    @Bean
    RecurringTask<Void> stuckTransfersTask(StuckTransferCheck check, JobProperties properties) {
        return Tasks.recurring(StuckTransferCheck.TASK_NAME, FixedDelay.of(properties.stuckCheckInterval()))
                .execute((instance, context) -> check.run());
    }
}
