package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void aStartedPostgresIsStoppedWhenItsPostmasterCannotBeRead() throws Exception {
        EmbeddedPostgres postgres = EmbeddedDatabaseConfiguration.start(dataDir, false);
        long pid = Postmaster.pidIn(EmbeddedDatabaseConfiguration.postgresDirectory(dataDir)).orElseThrow();
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        try {
            assertThatThrownBy(() -> new EmbeddedDatabase(postgres, dataDir.resolve("not-its-data"), dataDir.resolve("log")))
                    .isInstanceOf(IOException.class);

            postmaster.ifPresent(process -> process.onExit().completeOnTimeout(process, 30, TimeUnit.SECONDS).join());
            assertThat(postmaster.map(ProcessHandle::isAlive)).as("PostgreSQL left running").isNotEqualTo(Optional.of(true));
        } finally {
            if (postmaster.map(ProcessHandle::isAlive).orElse(false)) {
                postgres.close();
            }
        }
    }

    @Test
    void aKilledPostmasterMakesTheDatabaseUnavailableAtOnceWithoutWaitingForTheWatchdog() throws Exception {
        EmbeddedPostgres postgres = EmbeddedDatabaseConfiguration.start(dataDir, false);
        Path data = EmbeddedDatabaseConfiguration.postgresDirectory(dataDir);
        // Not closed: the server it would stop is killed here, and its backends end with their postmaster.
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, data, dataDir.resolve("log"));
        assertThat(database.available()).isTrue();
        ProcessHandle postmaster = ProcessHandle.of(Postmaster.pidIn(data).orElseThrow()).orElseThrow();

        postmaster.destroyForcibly();
        postmaster.onExit().get(10, TimeUnit.SECONDS);
        Thread.sleep(100); // longer than the looks' spacing

        assertThat(database.available()).as("no watchdog runs here").isFalse();
    }
}
