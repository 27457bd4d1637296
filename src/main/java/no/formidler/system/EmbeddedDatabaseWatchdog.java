package no.formidler.system;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the embedded PostgreSQL's postmaster and starts it again when it has died; when it has been started
 * {@code restart-attempts} times within {@link RestartBudget#WINDOW} (failed starts and starts it died again after
 * alike), liveness goes DOWN so that a supervisor restarts the whole broker.
 *
 * <p>The one piece of background work not on db-scheduler, by necessity: db-scheduler keeps its tasks in this very
 * database, so it cannot run the task that brings the database back. A plain platform thread it is, one per process,
 * doing nothing but a cheap process check each {@code watchdog-interval}.
 */
final class EmbeddedDatabaseWatchdog implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseWatchdog.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private final Restartable database;
    private final HikariDataSource pool;
    private final DatabaseProperties properties;
    private final ApplicationEventPublisher events;
    private final RestartBudget budget;
    private final Pause pause;
    private volatile Thread thread;

    EmbeddedDatabaseWatchdog(EmbeddedDatabase database, HikariDataSource pool, DatabaseProperties properties,
                             ApplicationEventPublisher events) {
        this(database, pool, properties, events,
                new RestartBudget(properties.restartAttempts(), RestartBudget.WINDOW, System::nanoTime),
                pause -> Thread.sleep(pause.toMillis()));
    }

    EmbeddedDatabaseWatchdog(Restartable database, HikariDataSource pool, DatabaseProperties properties,
                             ApplicationEventPublisher events, RestartBudget budget, Pause pause) {
        this.database = database;
        this.pool = pool;
        this.properties = properties;
        this.events = events;
        this.budget = budget;
        this.pause = pause;
    }

    /** What the watchdog needs of the database it watches. */
    interface Restartable {
        boolean postmasterRunning();

        void unavailable();

        void restart(Duration wait) throws IOException;
    }

    /** Waits between start attempts; a test's pause moves its clock instead. */
    interface Pause {
        void sleep(Duration pause) throws InterruptedException;
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
                pause.sleep(properties.watchdogInterval());
                check();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** One look: starts a dead postmaster again, or gives up with liveness BROKEN when the budget is spent. */
    void check() throws InterruptedException {
        if (!database.postmasterRunning()) {
            recover();
        }
    }

    private void recover() throws InterruptedException {
        database.unavailable();
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        Duration backoff = Duration.ofSeconds(1);
        while (budget.take()) {
            try {
                database.restart(STARTUP_WAIT);
                if (pool.getHikariPoolMXBean() != null) {
                    pool.getHikariPoolMXBean().softEvictConnections(); // connections to the dead server are useless
                }
                AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("An attempt to start the embedded PostgreSQL failed ({} allowed within {}): {}",
                        properties.restartAttempts(), RestartBudget.WINDOW, e.getMessage());
            }
            pause.sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        log.error("The embedded PostgreSQL could not be kept running ({} starts within {}); liveness is DOWN so that the "
                + "broker is restarted", properties.restartAttempts(), RestartBudget.WINDOW);
        AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        thread = null; // a supervisor takes it from here; requests stay answered 503 until then
    }
}
