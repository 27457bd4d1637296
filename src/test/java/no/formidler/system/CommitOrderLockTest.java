package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.formidler.testsupport.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log's and the outbox's one lock: held by a transaction until it commits, asked for as often as it likes. */
class CommitOrderLockTest extends ApiTest {
    @Autowired
    CommitOrderLock lock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aTransactionHoldsTheLockUntilItCommitsAndAnotherWaits() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CompletableFuture<Void> second = new CompletableFuture<>();
        transaction.executeWithoutResult(status -> {
            lock.hold();
            lock.hold();
            assertThat(advisoryLocksOfThisBackend()).as("held (asked for twice)").isEqualTo(1);
            CompletableFuture.runAsync(() -> transaction.executeWithoutResult(other -> lock.hold()))
                    .whenComplete((done, failure) -> second.complete(null));
            try {
                second.get(500, TimeUnit.MILLISECONDS);
                throw new AssertionError("the second transaction got the lock while the first held it");
            } catch (TimeoutException expected) {
                // waiting, as it must
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        second.get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachTransactionTakesItsOwn() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> lock.hold());
        transaction.executeWithoutResult(status -> {
            assertThat(advisoryLocksOfThisBackend()).isZero();
            lock.hold();
            assertThat(advisoryLocksOfThisBackend()).as("a new transaction takes the lock again").isEqualTo(1);
        });
    }

    private long advisoryLocksOfThisBackend() {
        return jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and granted")
                .query(Long.class).single();
    }
}
