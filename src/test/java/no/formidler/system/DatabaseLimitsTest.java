package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17, finding 1: when every database connection is taken (by slow clients or anything else), other requests
 * wait a few seconds at most and are answered 503 with {@code Retry-After}, never 500 after half a minute; finding 2:
 * every pooled session carries a statement timeout, so no request holds a backend past it.
 */
class DatabaseLimitsTest extends ApiTest {
    @Autowired
    DataSource dataSource;

    @Test
    void aRequestThatCannotGetAConnectionIsAnswered503WithRetryAfterWithinSeconds() throws Exception {
        Scenario s = scenario();
        String token = s.issuer.enterprise(s.sender, Scenario.READ);
        List<Connection> held = new ArrayList<>();
        try {
            int size = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
            for (int i = 0; i < size; i++) {
                held.add(dataSource.getConnection());
            }
            Instant start = Instant.now();
            var response = client.get("/broker/api/v1/filetransfer/" + UUID.randomUUID(), token);
            Duration waited = Duration.between(start, Instant.now());

            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.header("Retry-After")).isNotBlank();
            assertThat(response.header("Content-Type")).contains("application/problem+json");
            assertThat(response.json().get("traceId").asString()).isNotBlank();
            assertThat(waited).isLessThan(Duration.ofSeconds(10));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(client.get("/broker/api/v1/filetransfer/" + UUID.randomUUID(), token).status()).isEqualTo(404);
    }

    @Test
    void theEmbeddedPoolLetsTwoThreadsPerCoreUseAConnectionAtOnceAndTheNextWaitsForOneToClose() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        assumeTrue(2 * cores < dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize(), "turns only below the pool's size");
        int active = dataSource.unwrap(TurnTakingPool.class).activeLimit();
        assertThat(active).isEqualTo(2 * cores);
        ExecutorService threads = Executors.newFixedThreadPool(active + 1);
        CountDownLatch holding = new CountDownLatch(active);
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < active; i++) {
                threads.submit(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        connection.createStatement().execute("select 1");
                        holding.countDown();
                        release.await();
                    }
                    return null;
                });
            }
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> next = threads.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return connection.createStatement().execute("select 1");
                }
            });
            assertThatThrownBy(() -> next.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

            release.countDown();
            assertThat(next.get(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            threads.shutdown();
        }
    }

    @Test
    void everyPooledSessionCancelsLongStatementsAndIdleTransactions() throws Exception {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement()) {
            var timeout = statement.executeQuery("show statement_timeout");
            timeout.next();
            assertThat(timeout.getString(1)).isEqualTo("30s");
            var idle = statement.executeQuery("show idle_in_transaction_session_timeout");
            idle.next();
            assertThat(idle.getString(1)).isEqualTo("1min");
        }
    }

    /** Issue 17, finding 9: the embedded PostgreSQL is durable unless told otherwise (it once ran with fsync off). */
    @Test
    void theEmbeddedDatabaseFlushesEveryCommitToDisk() throws Exception {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                var value = statement.executeQuery("show " + setting);
                value.next();
                assertThat(value.getString(1)).as(setting).isEqualTo("on");
            }
        }
    }
}
