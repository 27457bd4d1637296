package no.formidler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.formidler.system.CommitOrder;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Helpers for tests of the lifecycle jobs: see when a purge is due, move the clock and let the scheduler run it. */
abstract class LifecycleJobsTest extends ApiTest {
    @Autowired
    Scheduler scheduler;
    @Autowired
    JobCompletions completions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommitOrder commitOrder;

    /** When the transfer's purge is due, as stored in the scheduler's table. */
    Instant purgeDue(String id) {
        return scheduler.getScheduledExecution(ScheduledPurges.purgeOf(UUID.fromString(id)))
                .map(ScheduledExecution::getExecutionTime)
                .orElseThrow(() -> new AssertionError("No purge is scheduled for " + id));
    }

    boolean purgePending(String id) {
        return scheduler.getScheduledExecution(ScheduledPurges.purgeOf(UUID.fromString(id))).isPresent();
    }

    /** Moves the clock by {@code duration}, has the scheduler look for due jobs, and waits for the purge of {@code id}. */
    ExecutionComplete advanceAndAwaitPurge(String id, Duration duration) throws Exception {
        var done = completions.nextRunOf(ScheduledPurges.purgeOf(UUID.fromString(id)));
        clock.advance(duration);
        scheduler.triggerCheckForDueExecutions();
        ExecutionComplete complete = done.get(60, TimeUnit.SECONDS);
        assertThat(complete.getResult()).as("purge of " + id).isEqualTo(ExecutionComplete.Result.OK);
        return complete;
    }

    /** The transfer's events in the outbox as {@code <type> <role> <org>}. */
    List<String> events(String id, String type) {
        commitOrder.catchUp();
        return jdbc.sql("""
                        select role || ' ' || subject_org from event_outbox
                        where file_transfer_id = :id and type = :type order by sequence""")
                .param("id", UUID.fromString(id))
                .param("type", "no.altinn.broker." + type)
                .query(String.class)
                .list();
    }

    static Instant instant(JsonNode node) {
        return java.time.OffsetDateTime.parse(node.asString()).toInstant();
    }

    static List<String> statusHistory(Scenario s, String id) {
        return s.details(id, s.senderToken).json().get("fileTransferStatusHistory").findValuesAsString("fileTransferStatus");
    }

    static void downloadAndConfirm(Scenario s, String id, String token) {
        assertThat(s.download(id, token).status()).isEqualTo(200);
        assertThat(s.confirm(id, token).status()).isEqualTo(204);
    }
}
