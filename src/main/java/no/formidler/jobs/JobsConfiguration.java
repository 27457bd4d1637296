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
import no.formidler.scan.BackgroundScans;
import no.formidler.system.FormidlerProperties;
import no.formidler.transfer.TransferPurge;
import no.formidler.upload.tus.TusExpiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The broker's durable jobs on db-scheduler (table {@code scheduled_tasks}): a purge and a background malware scan per
 * transfer, the recurring stuck-transfer check, the TUS expiry sweep and the orphan sweep. Nodes sharing a database claim each due job
 * with a guarded update, so one node runs it; a node that dies mid-job is noticed by its missing heartbeat.
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

    /**
     * A scan without a verdict (scanner down, timed out) is tried again with growing pauses; the transfer waits in
     * UploadProcessing meanwhile.
     */
    @Bean
    OneTimeTask<Void> scanTask(BackgroundScans scans, FormidlerProperties properties) {
        FormidlerProperties.Scan settings = properties.scan();
        return Tasks.oneTime(ScheduledScans.SCAN)
                .onFailure(new CappedBackoff<>(settings.retryBackoff(), settings.maxRetryBackoff()))
                .execute((instance, context) -> {
                    try {
                        scans.scan(UUID.fromString(instance.getId()));
                    } catch (BackgroundScans.NoVerdictException e) {
                        log.warn("No malware verdict for transfer {} (attempt {}); trying again later: {}",
                                instance.getId(), context.getExecution().consecutiveFailures + 1, e.getMessage());
                        throw e;
                    }
                });
    }

    @Bean
    RecurringTask<Void> tusExpiryTask(TusExpiry expiry) {
        return Tasks.recurring(TusExpiry.TASK_NAME, FixedDelay.of(expiry.sweepInterval()))
                .execute((instance, context) -> expiry.sweep());
    }

    @Bean
    RecurringTask<Void> orphanSweepTask(OrphanSweep sweep, JobProperties properties) {
        return Tasks.recurring(OrphanSweep.TASK_NAME, FixedDelay.of(properties.orphanSweepInterval()))
                .execute((instance, context) -> {
                    try {
                        sweep.sweep();
                    } catch (IOException e) {
                        throw new UncheckedIOException("The orphan sweep could not read or delete stored files", e);
                    }
                });
    }
}
