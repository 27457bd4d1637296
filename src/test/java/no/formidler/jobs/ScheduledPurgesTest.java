package no.formidler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import no.formidler.transfer.PurgeSchedule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A purge is stored with the change that asks for it, and one transfer has at most one pending purge. */
class ScheduledPurgesTest extends LifecycleJobsTest {
    @Autowired
    PurgeSchedule purges;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aPurgeScheduledInATransactionThatRollsBackIsNotStored() {
        UUID id = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            purges.purgeAt(id, clock.instant().plus(Duration.ofDays(1)));
            assertThat(purgePending(id.toString())).as("written through the transaction's connection").isTrue();
            status.setRollbackOnly();
        });
        assertThat(purgePending(id.toString())).isFalse();
    }

    @Test
    void schedulingAgainMovesThePurgeInsteadOfAddingOne() {
        UUID id = UUID.randomUUID();
        Instant first = clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);
        Instant second = clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> purges.purgeAt(id, first));
        transaction.executeWithoutResult(status -> purges.purgeAt(id, second));

        assertThat(purgeDue(id.toString())).isEqualTo(second);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = :id").param("id", id.toString())
                .query(Long.class).single()).isEqualTo(1);
        scheduler.cancel(ScheduledPurges.purgeOf(id));
    }

    @Test
    void aFirstPurgeIsStoredWithItsTransactionAndMovedLikeAnyOther() {
        UUID kept = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        Instant first = clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);
        Instant second = clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            purges.firstPurgeAt(rolledBack, first);
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> purges.firstPurgeAt(kept, first));

        assertThat(purgePending(rolledBack.toString())).isFalse();
        assertThat(purgeDue(kept.toString())).isEqualTo(first);
        transaction.executeWithoutResult(status -> purges.purgeAt(kept, second));
        assertThat(purgeDue(kept.toString())).isEqualTo(second);
        scheduler.cancel(ScheduledPurges.purgeOf(kept));
    }
}
