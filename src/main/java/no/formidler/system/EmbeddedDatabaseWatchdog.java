package no.formidler.system;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the embedded PostgreSQL's postmaster and starts it again when it has died; when that fails
 * {@code restart-attempts} times, liveness goes DOWN so that a supervisor restarts the whole broker.
 *
 * <p>The one piece of background work not on db-scheduler, by necessity: db-scheduler keeps its tasks in this very
 * database, so it cannot run the task that brings the database back. A plain platform thread it is, one per process,
 * doing nothing but a cheap process check each {@code watchdog-interval}.
 */
final class EmbeddedDatabaseWatchdog implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseWatchdog.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private final EmbeddedDatabase database;
    private final HikariDataSource pool;
    private final DatabaseProperties properties;
    private final ApplicationEventPublisher events;
    private volatile Thread thread;

    EmbeddedDatabaseWatchdog(EmbeddedDatabase database, HikariDataSource pool, DatabaseProperties properties,
                             ApplicationEventPublisher events) {
        this.database = database;
        this.pool = pool;
        this.properties = properties;
        this.events = events;
    }

    @Override
    public void start() {
        Thread watchdog = new Thread(this::watch, "embedded-postgres-watchdog");
        watchdog.setDaemon(true);
        thread = watchdog;
        watchdog.start();
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void watch() {
        try {
            while (thread == Thread.currentThread()) {
                Thread.sleep(properties.watchdogInterval().toMillis());
                if (!database.postmasterRunning()) {
                    recover();
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void recover() throws InterruptedException {
        database.unavailable();
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        Duration backoff = Duration.ofSeconds(1);
        for (int attempt = 1; attempt <= properties.restartAttempts(); attempt++) {
            try {
                database.restart(STARTUP_WAIT);
                if (pool.getHikariPoolMXBean() != null) {
                    pool.getHikariPoolMXBean().softEvictConnections(); // connections to the dead server are useless
                }
                AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
                return;
            } catch (Exception e) {
                log.warn("Attempt {} of {} to start the embedded PostgreSQL failed: {}", attempt,
                        properties.restartAttempts(), e.getMessage());
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        log.error("The embedded PostgreSQL could not be started again; liveness is DOWN so that the broker is restarted");
        AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        thread = null; // a supervisor takes it from here; requests stay answered 503 until then
    }
}
