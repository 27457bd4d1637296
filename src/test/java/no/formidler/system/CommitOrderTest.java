package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import no.formidler.audit.AuditLog;
import no.formidler.audit.Audited;
import no.formidler.auth.Organization;
import no.formidler.events.EventOutbox;
import no.formidler.events.EventType;
import no.formidler.events.Role;
import no.formidler.events.TransferEvent;
import no.formidler.testsupport.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit entries and events are numbered after their changes commit: a change holds no lock that another waits for,
 * an uncommitted entry gets no number (nor does any entry after it have to wait for it), and the numbers stay gap-free.
 */
class CommitOrderTest extends ApiTest {
    @Autowired
    CommitOrder commitOrder;
    @Autowired
    AuditLog audit;
    @Autowired
    EventOutbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aChangeThatAppendedDoesNotHoldUpTheNextOneAndIsNumberedAfterItCommits() throws Exception {
        String first = "test:first-" + UUID.randomUUID();
        String second = "test:second-" + UUID.randomUUID();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2); // not the common pool: it may have one thread
        CompletableFuture<Void> open = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            audit.record(entry(first));
            appended.countDown();
            await(release);
        }), threads);
        try {
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> audit.record(entry(second))),
                    threads).get(5, TimeUnit.SECONDS); // the previous design made it wait for the first one's commit
            commitOrder.catchUp();
            assertThat(sequenceOf(second)).as("numbered while the first is still open").isPresent();
            assertThat(sequenceOf(first)).as("not numbered before its commit").isEmpty();
        } finally {
            release.countDown();
            threads.shutdown();
        }
        open.get(10, TimeUnit.SECONDS);
        commitOrder.catchUp();
        assertThat(sequenceOf(first).orElseThrow()).isGreaterThan(sequenceOf(second).orElseThrow());
    }

    @Test
    void theNodeNumbersACommittedChangeByItselfSoonAfterTheCommit() throws Exception {
        String subject = "test:unread-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> audit.record(entry(subject)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sequenceOf(subject).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sequenceOf(subject)).as("numbered without a reader asking").isPresent();
    }

    @Test
    void aRolledBackChangeLeavesNothingToNumber() {
        String subject = "test:rolled-back-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            audit.record(entry(subject));
            status.setRollbackOnly();
        });
        commitOrder.catchUp();
        assertThat(jdbc.sql("select count(*) from audit_pending where subject = :s").param("s", subject)
                .query(Long.class).single()).isZero();
        assertThat(sequenceOf(subject)).isEmpty();
    }

    @Test
    void eventsAppendedAtOnceByManyChangesGetGapFreeNumbersInOneOrder() throws Exception {
        long before = jdbc.sql("select coalesce(max(sequence), 0) from event_outbox").query(Long.class).single();
        UUID transfer = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Void>> changes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String occasion = "change-" + i;
            changes.add(() -> {
                transactions.executeWithoutResult(status -> outbox.append(List.of(
                        event(transfer, Role.Sender, occasion), event(transfer, Role.Recipient, occasion))));
                return null;
            });
        }
        pool.invokeAll(changes).forEach(CommitOrderTest::join);
        pool.shutdown();
        commitOrder.catchUp();
        List<Long> sequences = jdbc.sql("select sequence from event_outbox where sequence > :s order by sequence")
                .param("s", before).query(Long.class).list();
        assertThat(sequences).hasSizeGreaterThanOrEqualTo(80);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(before + 1 + i);
        }
        assertThat(jdbc.sql("select count(*) from event_outbox where file_transfer_id = :t and sequence is not null")
                .param("t", transfer).query(Long.class).single()).isEqualTo(80);
    }

    private Optional<Long> sequenceOf(String subject) {
        return jdbc.sql("select sequence from audit_entry where subject = :s").param("s", subject)
                .query(Long.class).optional();
    }

    private static Audited entry(String subject) {
        return new Audited(Optional.empty(), Optional.empty(), "test", subject, Optional.empty(), Optional.empty(),
                Map.of());
    }

    private static TransferEvent event(UUID transfer, Role role, String occasion) {
        return new TransferEvent(EventType.FILE_TRANSFER_INITIALIZED, "test-commit-order", transfer,
                new Organization("991825827"), "0192:991825827", role, Instant.now(), occasion);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(java.util.concurrent.Future<Void> future) {
        try {
            future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
