package no.formidler.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standalone mode's PostgreSQL, started by the library and, should its postmaster die, started again by the broker on
 * the same data and port (issue 17, finding 3), so the pool's URL never changes. While it is down, {@link #available()}
 * is false and the web layer answers requests 503 at once.
 */
final class EmbeddedDatabase implements DatabaseAvailability, EmbeddedDatabaseWatchdog.Restartable, Closeable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration LOOK_EVERY = Duration.ofMillis(50);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private final EmbeddedPostgres server;
    private final Path dataDir;
    private final Path restartLog;
    private volatile Postmaster postmaster;
    private volatile boolean available = true;
    private volatile boolean lastSeenRunning = true;
    private volatile long lastLook = System.nanoTime();

    EmbeddedDatabase(EmbeddedPostgres server, Path dataDir, Path restartLog) throws IOException {
        this.server = server;
        this.dataDir = dataDir;
        this.restartLog = restartLog;
        try {
            this.postmaster = Postmaster.of(dataDir);
        } catch (IOException | RuntimeException e) {
            server.close(); // nobody else holds it: a failed bean would leave PostgreSQL running
            throw e;
        }
    }

    String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    /**
     * False from the moment the postmaster is seen dead, not only once the watchdog has looked: a request let through
     * in between would wait out the pool's connection timeout. The postmaster is looked at once per
     * {@link #LOOK_EVERY}, so a busy broker reads {@code /proc} no more often than that.
     */
    @Override
    public boolean available() {
        return available && postmasterSeenRunning();
    }

    private boolean postmasterSeenRunning() {
        long now = System.nanoTime();
        if (now - lastLook < LOOK_EVERY.toNanos()) {
            return lastSeenRunning;
        }
        boolean running = postmaster.running(); // two requests may both look: harmless
        lastSeenRunning = running;
        lastLook = now;
        return running;
    }

    @Override
    public boolean postmasterRunning() {
        return postmaster.running();
    }

    @Override
    public void unavailable() {
        available = false;
    }

    /**
     * Starts the postmaster again with the very command line the library started it with, and waits until it accepts
     * connections (after its crash recovery). PostgreSQL itself refuses to start while a backend of the dead
     * postmaster still holds the shared memory, so the caller retries.
     */
    @Override
    public void restart(Duration wait) throws IOException {
        log.warn("The embedded PostgreSQL in {} is not running; starting it again", dataDir);
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as the library does: PostgreSQL refuses to run as root
        }
        command.addAll(postmaster.commandLine());
        postmaster.releaseLockFileIfDead(dataDir); // a zombie postmaster's lock file would stop the new one
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(restartLog.toFile()))
                .start();
        Instant deadline = Instant.now().plus(wait);
        DataSource probe = server.getPostgresDatabase();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL exited with " + process.exitValue() + "; see " + restartLog);
            }
            try (Connection connection = probe.getConnection()) {
                connection.createStatement().execute("select 1");
                break;
            } catch (SQLException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    stop(process);
                    throw new IOException("PostgreSQL did not accept connections within " + wait + "; see " + restartLog);
                }
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
                throw new IOException("Interrupted while starting PostgreSQL", e);
            }
        }
        postmaster = new Postmaster(process.toHandle(), postmaster.commandLine());
        available = true;
        log.warn("The embedded PostgreSQL in {} runs again (pid {})", dataDir, process.pid());
    }

    /**
     * Stops a postmaster that is slow to start, most likely still in crash recovery: SIGTERM lets it end cleanly,
     * where SIGKILL would leave the next start more recovery to do. Only one that ignores it is killed.
     */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("PostgreSQL (pid {}) did not stop within {} of SIGTERM; killing it", process.pid(), STOP_WAIT);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The library stops the server through {@code pg_ctl} on the data directory: a restarted one too. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
