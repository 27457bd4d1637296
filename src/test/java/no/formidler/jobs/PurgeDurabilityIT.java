package no.formidler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import org.junit.jupiter.api.Test;

/** A scheduled purge is stored with the transfer: it survives a kill -9 and runs once after the restart. */
class PurgeDurabilityIT {
    private static final Map<String, String> FAST_POLLING = Map.of("formidler.jobs.poll-interval", "1s");

    @Test
    void aPurgeDueWhileTheBrokerWasDeadRunsOnceAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("formidler-purge-durability-");
        int port = BrokerProcess.freePort();
        String id;
        Path firstLog;
        DevTokenScenario s;
        Instant expires;
        try (BrokerProcess broker = BrokerProcess.start(dataDir, port, FAST_POLLING)) {
            BrokerClient client = new BrokerClient(broker.baseUrl());
            s = new DevTokenScenario(client, "{\"fileTransferTimeToLive\":\"PT15S\"}");
            id = s.publish(client, "Gone in fifteen seconds".getBytes(StandardCharsets.UTF_8));
            expires = OffsetDateTime.parse(client.get("/broker/api/v1/filetransfer/" + id, s.senderToken).json()
                    .get("expirationTime").asString()).toInstant();
            assertThat(s.status(id)).isEqualTo("Published");
            broker.kill();
            firstLog = broker.log();
        }
        assertThat(Instant.now()).as("killed before the purge was due").isBefore(expires);
        // The broker is dead, so its clock cannot be moved: real time passes the due time instead.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 500);

        try (BrokerProcess broker = BrokerProcess.start(dataDir, port, FAST_POLLING)) {
            DevTokenScenario after = s.on(new BrokerClient(broker.baseUrl()));
            after.awaitStatus(id, "Purged", Duration.ofSeconds(60));

            assertThat(after.history(id)).containsExactly("Initialized", "UploadStarted", "Published", "Purged");
            String db = DevTokenScenario.embeddedDatabaseUrl(dataDir);
            assertThat(DevTokenScenario.purgedRows(db, id)).isEqualTo(1);
            assertThat(DevTokenScenario.events(db, id)).as("filepurged + fileneverconfirmeddownloaded ×2").isEqualTo(3);
            assertThat(DevTokenScenario.purgeRuns(id, firstLog, broker.log())).isEqualTo(1);
            try (var files = Files.walk(dataDir.resolve("blobs"))) {
                assertThat(files.filter(Files::isRegularFile).toList()).as("the file is deleted").isEmpty();
            }
        }
    }
}
