package no.formidler.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL of its own for a second broker context in the same test JVM, passed as {@code spring.datasource.*}.
 * ({@link ApiTest}'s data directory cannot be overridden per context, and two brokers must not share one embedded
 * database directory.) Stopped when the JVM exits.
 */
public final class SeparateDatabase {
    private final EmbeddedPostgres postgres;

    private SeparateDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static SeparateDatabase start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is exiting: nothing else to do
                }
            }));
            return new SeparateDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a separate PostgreSQL", e);
        }
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
