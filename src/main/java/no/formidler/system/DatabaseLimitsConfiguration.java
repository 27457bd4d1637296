package no.formidler.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Registers {@link DatabaseLimits}; a post-processor is created before configuration beans, so it binds its own settings. */
@Configuration(proxyBeanMethods = false)
class DatabaseLimitsConfiguration {
    @Bean
    static BeanPostProcessor databaseLimits(Environment environment) {
        DatabaseProperties properties = Binder.get(environment).bindOrCreate("formidler.database", DatabaseProperties.class);
        return new DatabaseLimits(properties);
    }

    /**
     * Migrations run on their own, unpooled connections, free of the per-request statement timeout: building an
     * index on a large table may rightly take minutes, and a pooled connection must never keep a lifted limit.
     */
    @Bean
    FlywayConfigurationCustomizer migrationsWithoutRequestLimits(javax.sql.DataSource dataSource) {
        return configuration -> {
            if (dataSource instanceof HikariDataSource pool) {
                configuration.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            }
        };
    }
}
