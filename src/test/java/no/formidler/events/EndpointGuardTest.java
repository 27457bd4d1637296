package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Webhook endpoints cannot point into the broker's own network unless private endpoints are allowed. */
class EndpointGuardTest {
    private final EndpointGuard strict = new EndpointGuard(properties(false));

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefused() {
        assertThat(strict.refusal("http://127.0.0.1:8080/hook")).isPresent();
        assertThat(strict.refusal("http://localhost/hook")).isPresent();
        assertThat(strict.refusal("http://10.1.2.3/hook")).isPresent();
        assertThat(strict.refusal("http://192.168.0.1/hook")).isPresent();
        assertThat(strict.refusal("http://172.16.0.1/hook")).isPresent();
        assertThat(strict.refusal("http://169.254.169.254/latest/meta-data")).isPresent();
        assertThat(strict.refusal("http://100.64.0.1/hook")).isPresent();
        assertThat(strict.refusal("http://[::1]/hook")).isPresent();
        assertThat(strict.refusal("http://[fd00::1]/hook")).isPresent();
        assertThat(strict.refusal("http://0.0.0.0/hook")).isPresent();
    }

    @Test
    void onlyHttpAndHttpsWithAHostAndNoUserInfoAreAccepted() {
        assertThat(strict.refusal("ftp://93.184.215.14/x")).isPresent();
        assertThat(strict.refusal("file:///etc/passwd")).isPresent();
        assertThat(strict.refusal("http://user:pw@93.184.215.14/x")).isPresent();
        assertThat(strict.refusal("not a url")).isPresent();
        assertThat(strict.refusal("https://93.184.215.14/hook")).isEmpty();
    }

    @Test
    void privateAddressesAreAllowedWhenConfigured() {
        assertThat(new EndpointGuard(properties(true)).refusal("http://127.0.0.1:8080/hook")).isEmpty();
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        EventProperties p = new EventProperties(false, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(24),
                Duration.ofSeconds(1), Duration.ofSeconds(10), 1, "");
        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.backoff(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.backoff(500)).isEqualTo(Duration.ofSeconds(10));
    }

    private static EventProperties properties(boolean allowPrivate) {
        return new EventProperties(allowPrivate, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofHours(24),
                Duration.ofSeconds(1), Duration.ofSeconds(10), 1, "");
    }
}
