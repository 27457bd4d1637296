package no.formidler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import org.junit.jupiter.api.Test;

/** Two broker nodes on one PostgreSQL and one file store: each due purge runs on one of them, once. */
class TwoNodesOneDatabaseIT {
    private static final int TRANSFERS = 12;

    @Test
    void eachDuePurgeRunsOnceAcrossTwoNodes() throws Exception {
        Path dataDir = Files.createTempDirectory("formidler-two-nodes-");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(Files.createDirectories(dataDir.resolve("pg-runtime")).toFile()).start()) {
            String db = postgres.getJdbcUrl("postgres", "postgres");
            Map<String, String> shared = new HashMap<>(Map.of(
                    "spring.datasource.url", db,
                    "spring.datasource.username", "postgres",
                    "formidler.jobs.poll-interval", "1s"));
            // One after the other: the first creates the schema and the development issuer's key; the second reuses them.
            try (BrokerProcess first = BrokerProcess.start(dataDir, Map.copyOf(shared));
                 BrokerProcess second = BrokerProcess.start(dataDir, Map.copyOf(shared))) {
                BrokerClient one = new BrokerClient(first.baseUrl());
                BrokerClient two = new BrokerClient(second.baseUrl());
                DevTokenScenario s = new DevTokenScenario(one, "{\"fileTransferTimeToLive\":\"PT10S\"}");
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < TRANSFERS; i++) {
                    ids.add(s.publish(i % 2 == 0 ? one : two, ("file " + i).getBytes(StandardCharsets.UTF_8)));
                }

                DevTokenScenario onTwo = s.on(two);
                for (String id : ids) {
                    onTwo.awaitStatus(id, "Purged", Duration.ofSeconds(90));
                }

                for (String id : ids) {
                    assertThat(DevTokenScenario.purgedRows(db, id)).as("Purged history rows of " + id).isEqualTo(1);
                    assertThat(DevTokenScenario.events(db, id)).as("purge events of " + id).isEqualTo(3);
                    assertThat(DevTokenScenario.purgeRuns(id, first.log(), second.log())).as("runs of the purge of " + id)
                            .isEqualTo(1);
                }
                try (var files = Files.walk(dataDir.resolve("blobs"))) {
                    assertThat(files.filter(Files::isRegularFile).toList()).as("every file deleted").isEmpty();
                }
            }
        }
    }
}
