package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;

class EmbeddedDatabaseWatchdogTest {
    private final AtomicLong nanos = new AtomicLong();
    private final List<Object> states = new ArrayList<>();
    private final AtomicInteger starts = new AtomicInteger();
    private final DatabaseProperties properties =
            new DatabaseProperties(4, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60), true,
                    Duration.ofSeconds(1), 5, 0);

    /** A postmaster that starts every time and has always died again by the next look. */
    private final EmbeddedDatabaseWatchdog.Restartable diesAfterEachStart = new EmbeddedDatabaseWatchdog.Restartable() {
        @Override
        public boolean postmasterRunning() {
            return false;
        }

        @Override
        public void unavailable() {
        }

        @Override
        public void restart(Duration wait) {
            starts.incrementAndGet();
        }
    };

    private EmbeddedDatabaseWatchdog watchdog() {
        return new EmbeddedDatabaseWatchdog(diesAfterEachStart, new HikariDataSource(), properties,
                event -> states.add(((AvailabilityChangeEvent<?>) event).getState()),
                new RestartBudget(properties.restartAttempts(), RestartBudget.WINDOW, nanos::get),
                pause -> nanos.addAndGet(pause.toNanos()));
    }

    private void lookEverySecondFor(EmbeddedDatabaseWatchdog watchdog, Duration span) throws Exception {
        long end = nanos.get() + span.toNanos();
        while (nanos.get() < end) {
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            watchdog.check();
        }
    }

    @Test
    void aPostmasterThatDiesAgainAfterEveryStartIsGivenUpOnWithLivenessBroken() throws Exception {
        EmbeddedDatabaseWatchdog watchdog = watchdog();
        lookEverySecondFor(watchdog, Duration.ofMinutes(1));
        assertThat(starts).hasValue(5);
        assertThat(states).contains(LivenessState.BROKEN);
    }

    @Test
    void startsSpreadOverMoreThanTheWindowAreEachAllowed() throws Exception {
        EmbeddedDatabaseWatchdog watchdog = watchdog();
        for (int outage = 0; outage < 8; outage++) {
            watchdog.check();
            nanos.addAndGet(RestartBudget.WINDOW.dividedBy(4).toNanos());
        }
        assertThat(starts).hasValue(8);
        assertThat(states).doesNotContain(LivenessState.BROKEN);
    }
}
