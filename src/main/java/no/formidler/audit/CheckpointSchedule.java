package no.formidler.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Signs a checkpoint of the audit log every {@code formidler.evidence.checkpoint-interval}, on one node. */
@Configuration(proxyBeanMethods = false)
class CheckpointSchedule {
    static final String TASK_NAME = "audit-checkpoint";

    @Bean
    RecurringTask<Void> auditCheckpointTask(Checkpoints checkpoints, EvidenceProperties properties) {
        return Tasks.recurring(TASK_NAME, FixedDelay.of(properties.checkpointInterval()))
                .execute((instance, context) -> checkpoints.sign());
    }
}
