package no.formidler.system;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * The embedded database's pool, whose connections are used by a few threads at a time ({@link ConnectionTurns}), the
 * others waiting their turn in the order they asked. In standalone mode PostgreSQL shares the broker's cores: sixteen
 * requests, each on a backend of its own, got the cores in no order, and one in a hundred took three times the median.
 * Served in order, four at a time on two cores, that load's p99 fell by about two fifths, at more requests a second
 * (docs/benchmarks.md). A wait for a turn longer than the pool's connection timeout fails as the pool's own wait
 * does ({@link SQLTransientConnectionException}: the request is answered 503).
 */
final class TurnTakingPool extends HikariDataSource {
    private final ConnectionTurns turns;

    TurnTakingPool(int active) {
        this.turns = new ConnectionTurns(active);
    }

    int activeLimit() {
        return turns.size();
    }

    @Override
    public Connection getConnection() throws SQLException {
        ConnectionTurns.Turn turn;
        try {
            turn = turns.take(Duration.ofMillis(getConnectionTimeout())).orElseThrow(() -> new SQLTransientConnectionException(
                    getPoolName() + " - no turn to use a connection came within " + getConnectionTimeout() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException(getPoolName() + " - interrupted while waiting for a turn", e);
        }
        try {
            return endingTurnOnClose(super.getConnection(), turn);
        } catch (SQLException | RuntimeException e) {
            turn.end();
            throw e;
        }
    }

    private static Connection endingTurnOnClose(Connection connection, ConnectionTurns.Turn turn) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("equals")) {
                        return proxy == args[0];
                    }
                    if (method.getName().equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("close")) {
                            turn.end();
                        }
                    }
                });
    }
}
