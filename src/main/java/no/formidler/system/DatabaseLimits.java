package no.formidler.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Applies {@link DatabaseProperties} to the connection pool, the embedded one and one Spring Boot made for
 * {@code spring.datasource.*} alike, before its first connection: a bounded wait for a connection (then the request
 * is answered 503, see {@code web.ProblemDetailsAdvice}) and per-session statement limits.
 */
final class DatabaseLimits implements BeanPostProcessor {
    private final DatabaseProperties properties;

    DatabaseLimits(DatabaseProperties properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
            pool.setConnectionTimeout(properties.connectionTimeout().toMillis());
            if (pool.getConnectionInitSql() == null) {
                pool.setConnectionInitSql(properties.sessionLimitsSql());
            }
        }
        return bean;
    }
}
