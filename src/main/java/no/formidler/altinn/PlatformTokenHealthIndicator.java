package no.formidler.altinn;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness ({@code platformToken}): in Altinn platform mode a node without a usable platform token cannot decide
 * access, so it is taken out of rotation while Maskinporten or Altinn Authentication is down. Always up otherwise.
 */
@Component("platformToken")
class PlatformTokenHealthIndicator implements HealthIndicator {
    private final ObjectProvider<PlatformAccessToken> token;

    PlatformTokenHealthIndicator(ObjectProvider<PlatformAccessToken> token) {
        this.token = token;
    }

    @Override
    public Health health() {
        PlatformAccessToken current = token.getIfAvailable();
        if (current == null) {
            return Health.up().withDetail("source", "none (standalone mode)").build();
        }
        if (!(current instanceof PlatformTokenSource source)) {
            return Health.up().withDetail("source", "formidler.altinn.access-token").build();
        }
        PlatformTokenSource.State state = source.state();
        Health.Builder health = (state.usable() ? Health.up() : Health.down()).withDetail("source", "maskinporten");
        if (state.expires() != null) {
            health.withDetail("expires", state.expires().toString());
        }
        if (state.failures() > 0) {
            health.withDetail("failedAttempts", state.failures()).withDetail("lastError", state.lastError())
                    .withDetail("nextAttempt", state.nextAttempt().toString());
        }
        return health.build();
    }
}
