package no.formidler.jobs;

import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Lets a caller wait for the next run of a job on this node to end, instead of polling for its effects (the tests
 * move the clock, ask the scheduler to look for due jobs and wait here).
 */
@Component
public class JobCompletions extends AbstractSchedulerListener {
    private final Map<String, List<CompletableFuture<ExecutionComplete>>> waiting = new ConcurrentHashMap<>();

    /** Completes when a run of {@code instance} that ends after this call has ended, successfully or not. */
    public CompletableFuture<ExecutionComplete> nextRunOf(TaskInstanceId instance) {
        CompletableFuture<ExecutionComplete> future = new CompletableFuture<>();
        waiting.computeIfAbsent(key(instance), k -> new CopyOnWriteArrayList<>()).add(future);
        return future;
    }

    @Override
    public void onExecutionComplete(ExecutionComplete complete) {
        List<CompletableFuture<ExecutionComplete>> futures = waiting.remove(key(complete.getExecution().taskInstance));
        if (futures != null) {
            futures.forEach(f -> f.complete(complete));
        }
    }

    private static String key(TaskInstanceId instance) {
        return instance.getTaskName() + "/" + instance.getId();
    }
}
