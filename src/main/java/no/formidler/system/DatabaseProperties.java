package no.formidler.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what one request may take from the database ({@code formidler.database.*}, documented in README): how long
 * it waits for a connection, how long one statement may run, how long a transaction may sit idle. Together they keep
 * any number of slow or heavy requests from holding the database longer than their own timeout.
 *
 * @param durable the embedded PostgreSQL's {@code fsync} and {@code synchronous_commit}; off only for throw-away data
 * @param watchdogInterval how often the broker checks that its embedded PostgreSQL's postmaster still runs
 * @param restartAttempts how often it tries to start a dead embedded PostgreSQL again before liveness goes DOWN
 * @param activeConnections how many of the embedded database's connections are in use at once, the other requests
 *     waiting their turn in order ({@code TurnTakingPool}); 0 for two per core, the pool's size or more for no turns
 */
@ConfigurationProperties("formidler.database")
public record DatabaseProperties(
        @DefaultValue("32") int poolSize,
        @DefaultValue("PT5S") Duration connectionTimeout,
        @DefaultValue("PT30S") Duration statementTimeout,
        @DefaultValue("PT60S") Duration idleInTransactionTimeout,
        @DefaultValue("true") boolean durable,
        @DefaultValue("PT1S") Duration watchdogInterval,
        @DefaultValue("5") int restartAttempts,
        @DefaultValue("0") int activeConnections) {

    /** {@link #activeConnections}, with 0 as two per core. */
    int activeLimit(int cores) {
        return activeConnections > 0 ? activeConnections : 2 * cores;
    }

    /** Run on every new pooled connection: PostgreSQL then cancels what runs or idles too long in it. */
    String sessionLimitsSql() {
        return "set statement_timeout = %d; set idle_in_transaction_session_timeout = %d"
                .formatted(statementTimeout.toMillis(), idleInTransactionTimeout.toMillis());
    }
}
