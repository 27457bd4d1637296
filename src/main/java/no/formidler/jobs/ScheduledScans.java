package no.formidler.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Clock;
import java.util.UUID;
import no.formidler.scan.BackgroundScans;
import no.formidler.transfer.ScanSchedule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Background malware scans as rows of {@code scheduled_tasks}, one per transfer under its id, written through the
 * caller's transaction (the move to UploadProcessing). This node looks for it right after that commits, so a stored
 * file is scanned at once, not at the next poll; any node may take it.
 */
@Component
class ScheduledScans implements ScanSchedule {
    static final TaskDescriptor<Void> SCAN = TaskDescriptor.of("scan-stored-file");
    /** Looked up when used: the scheduler's own tasks lead back here (through the TUS sweep and upload completion). */
    private final ObjectProvider<Scheduler> scheduler;
    private final BackgroundScans scans;
    private final Clock clock;

    ScheduledScans(ObjectProvider<Scheduler> scheduler, BackgroundScans scans, Clock clock) {
        this.scheduler = scheduler;
        this.scans = scans;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void scanStoredFile(UUID fileTransferId) {
        if (!scans.scansInProcess()) {
            return;
        }
        Scheduler jobs = scheduler.getObject();
        jobs.schedule(SCAN.instance(fileTransferId.toString()).build(), clock.instant(),
                SchedulerClient.ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                jobs.triggerCheckForDueExecutions();
            }
        });
    }
}
