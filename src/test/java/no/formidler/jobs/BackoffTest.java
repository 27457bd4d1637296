package no.formidler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theWaitDoublesPerFailedAttemptUpToTheMaximum() {
        Duration initial = Duration.ofSeconds(10);
        Duration max = Duration.ofMinutes(10);

        assertThat(CappedBackoff.backoff(1, initial, max)).isEqualTo(Duration.ofSeconds(10));
        assertThat(CappedBackoff.backoff(2, initial, max)).isEqualTo(Duration.ofSeconds(20));
        assertThat(CappedBackoff.backoff(4, initial, max)).isEqualTo(Duration.ofSeconds(80));
        assertThat(CappedBackoff.backoff(7, initial, max)).isEqualTo(Duration.ofMinutes(10));
        assertThat(CappedBackoff.backoff(10_000, initial, max)).isEqualTo(Duration.ofMinutes(10));
    }
}
