package no.formidler.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Event delivery settings ({@code formidler.events.*}); each is documented in README. */
@ConfigurationProperties("formidler.events")
public record EventProperties(
        @DefaultValue("false") boolean allowPrivateEndpoints,
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("10m") Duration maxRetryInterval,
        @DefaultValue("24h") Duration giveUpAfter,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("8") int workers,
        @DefaultValue("") String platformUrl) {

    /** The wait before retry number {@code failures} (1, 2, ...): doubling from the first retry, capped. */
    public Duration backoff(int failures) {
        Duration wait = firstRetry;
        for (int i = 1; i < failures && wait.compareTo(maxRetryInterval) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : wait;
    }
}
