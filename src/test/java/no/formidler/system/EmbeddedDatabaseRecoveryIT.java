package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.formidler.jobs.DevTokenScenario;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 3: the standalone broker's own PostgreSQL is killed (kill -9 of the postmaster) under a running
 * broker. Meanwhile every call is answered 503 at once (never a 5 s pool wait, never 500); the broker restarts the
 * server by itself and goes on with everything committed before; if it cannot, liveness goes DOWN.
 */
class EmbeddedDatabaseRecoveryIT {
    private static final Duration FAST = Duration.ofSeconds(2);
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @Test
    void afterThePostmasterIsKilledCallsGet503FastThenTheBrokerIsBackWithNothingLost() throws Exception {
        Path dataDir = Files.createTempDirectory("formidler-db-recovery-");
        try (BrokerProcess broker = BrokerProcess.start(dataDir, Map.of())) {
            BrokerClient client = new BrokerClient(broker.baseUrl());
            DevTokenScenario s = new DevTokenScenario(client, "{}");
            String committed = s.publish(client, "committed before the crash".getBytes(StandardCharsets.UTF_8));
            long killed = postmasterPid(dataDir);

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            int unavailable = 0;
            Instant deadline = Instant.now().plus(RECOVERY);
            while (true) {
                assertThat(Instant.now()).as("the broker answers 2xx again within " + RECOVERY).isBefore(deadline);
                long started = System.nanoTime();
                var response = client.get("/broker/api/v1/filetransfer/" + committed, s.senderToken);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(response.status()).as(response.toString()).isIn(200, 503);
                if (response.status() == 200) {
                    break;
                }
                unavailable++;
                assertThat(took).as("a 503 comes at once, not after the pool's wait").isLessThan(FAST);
                assertThat(response.header("Retry-After")).isNotNull();
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.json().get("status").asInt()).isEqualTo(503);
                assertThat(client.get("/actuator/health/liveness", null).status())
                        .as("liveness stays UP while the database restarts").isEqualTo(200);
                Thread.sleep(100);
            }
            assertThat(unavailable).as("the outage was seen").isPositive();
            assertThat(postmasterPid(dataDir)).as("a new postmaster").isNotEqualTo(killed);
            assertThat(s.status(committed)).as("committed before the crash, still there").isEqualTo("Published");
            String after = s.publish(client, "sent after the restart".getBytes(StandardCharsets.UTF_8));
            assertThat(s.status(after)).isEqualTo("Published");
            assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        }
    }

    @Test
    void whenThePostgreSqlCannotBeRestartedLivenessGoesDownSoASupervisorRestartsTheBroker() throws Exception {
        Path dataDir = Files.createTempDirectory("formidler-db-unrecoverable-");
        try (BrokerProcess broker = BrokerProcess.start(dataDir, Map.of("formidler.database.restart-attempts", "2"))) {
            BrokerClient client = new BrokerClient(broker.baseUrl());
            assertThat(client.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            long killed = postmasterPid(dataDir);
            // A running server never reads PG_VERSION again; without it no new one starts on this directory.
            Path version = dataDir.resolve("postgres").resolve("PG_VERSION");
            Files.move(version, version.resolveSibling("PG_VERSION.hidden"));

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            Instant deadline = Instant.now().plus(RECOVERY);
            while (client.get("/actuator/health/liveness", null).status() != 503) {
                assertThat(Instant.now()).as("liveness DOWN within " + RECOVERY).isBefore(deadline);
                Thread.sleep(250);
            }
            assertThat(client.get("/broker/api/v1/serviceowner", null).status()).isEqualTo(503);
        }
    }

    private static long postmasterPid(Path dataDir) throws Exception {
        return Postmaster.pidIn(EmbeddedDatabaseConfiguration.postgresDirectory(dataDir)).orElseThrow();
    }
}
