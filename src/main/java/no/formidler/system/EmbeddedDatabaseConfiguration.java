package no.formidler.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Standalone mode's database: a real PostgreSQL started by the broker itself, its data under
 * {@code formidler.data-dir/postgres} so that it survives a restart. Only when no {@code spring.datasource.url} is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * Started on its own thread while Spring builds the rest of the context ({@link EmbeddedDatabaseEarlyStart}), so
     * that initdb and PostgreSQL's start are off a start-up's critical path; here it is only waited for.
     */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(ObjectProvider<EmbeddedDatabaseEarlyStart.Started> early,
            FormidlerProperties properties, DatabaseProperties database) throws IOException {
        EmbeddedDatabaseEarlyStart.Started started = early.getIfAvailable();
        EmbeddedPostgres postgres = started != null ? started.await() : start(properties.dataDir(), database.durable());
        return new EmbeddedDatabase(postgres, postgresDirectory(properties.dataDir()), properties.dataDir().resolve("postgres-restarted.log").toAbsolutePath());
    }

    static EmbeddedPostgres start(Path dataDirectory, boolean durable) throws IOException {
        Path dataDir = postgresDirectory(dataDirectory);
        Path workDir = runtimeDirectory(dataDirectory);
        stopOrphanedPostmaster(dataDir);
        log.info("Starting embedded PostgreSQL with data in {}", dataDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setServerConfig("max_connections", "200")
                // The library's defaults are for tests (no fsync, asynchronous commit): a committed transfer must
                // survive a power cut, so durability is on unless formidler.database.durable=false.
                .setServerConfig("fsync", onOff(durable))
                .setServerConfig("synchronous_commit", onOff(durable))
                .setServerConfig("full_page_writes", onOff(durable))
                .start();
    }

    /** PostgreSQL's own data directory, under the broker's. */
    static Path postgresDirectory(Path dataDirectory) {
        return dataDirectory.resolve("postgres").toAbsolutePath();
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /**
     * Where the PostgreSQL binaries are unpacked: once per user and version under {@code ~/.cache/formidler} (the
     * unpacking, not initdb, was most of a first start's time; each version has its own directory and unpacking takes
     * a file lock, so brokers starting at once share it safely), else beside the data.
     */
    private static Path runtimeDirectory(Path dataDir) throws IOException {
        Path shared = Path.of(System.getProperty("user.home"), ".cache", "formidler", "postgres-runtime");
        try {
            return Files.createDirectories(shared);
        } catch (IOException notWritable) {
            return Files.createDirectories(dataDir.resolve("postgres-runtime").toAbsolutePath());
        }
    }

    /**
     * After a crash (kill -9) of the broker its PostgreSQL keeps running, holding the data directory. It is ours
     * and has no clients left, so it is shut down before a new one starts on the same data.
     */
    private static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        OptionalLong pid = Postmaster.pidIn(dataDir);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid.getAsLong())
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return; // a stale lock file: PostgreSQL itself replaces it
        }
        log.warn("An embedded PostgreSQL (pid {}) from an earlier run still holds {}; stopping it", pid.getAsLong(), dataDir);
        ProcessHandle process = postmaster.get();
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException(e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabase postgres, DatabaseProperties database) {
        // Not started here, so that DatabaseLimits configures it like an external database's pool.
        int active = database.activeLimit(Runtime.getRuntime().availableProcessors());
        HikariDataSource pool = active < database.poolSize() ? new TurnTakingPool(active) : new HikariDataSource();
        pool.setJdbcUrl(postgres.jdbcUrl());
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(database.poolSize());
        pool.setPoolName("formidler-embedded");
        return pool;
    }

    @Bean
    EmbeddedDatabaseWatchdog embeddedDatabaseWatchdog(EmbeddedDatabase postgres, HikariDataSource pool,
                                                      DatabaseProperties database, ApplicationEventPublisher events) {
        return new EmbeddedDatabaseWatchdog(postgres, pool, database, events);
    }

}
