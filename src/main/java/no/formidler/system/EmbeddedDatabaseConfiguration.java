package no.formidler.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
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

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(FormidlerProperties properties) throws IOException {
        Path dataDir = properties.dataDir().resolve("postgres").toAbsolutePath();
        Path workDir = properties.dataDir().resolve("postgres-runtime").toAbsolutePath();
        Files.createDirectories(workDir);
        log.info("Starting embedded PostgreSQL with data in {}", dataDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setServerConfig("max_connections", "200")
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(32);
        config.setPoolName("formidler-embedded");
        return new HikariDataSource(config);
    }
}
