package no.formidler.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import no.formidler.auth.Caller;
import no.formidler.auth.CurrentCaller;
import no.formidler.stats.OperationsMeters;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Limits each client (the token's {@code client_id}, else its vendor org) per endpoint, as the reference's gateway
 * does: saturating search does not throttle downloads, and one client does not throttle another.
 */
class RateLimitInterceptor implements HandlerInterceptor {
    private final RateLimitSettings settings;
    private final TokenBuckets buckets;
    private final MeterRegistry registry;

    RateLimitInterceptor(RateLimitSettings settings, TokenBuckets buckets, MeterRegistry registry) {
        this.settings = settings;
        this.buckets = buckets;
        this.registry = registry;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Optional<Caller> caller = CurrentCaller.get();
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (caller.isEmpty() || !(pattern instanceof String route) || !EndpointCategory.limited(route)) {
            return true;
        }
        EndpointCategory category = EndpointCategory.of(request.getMethod(), route);
        int perMinute = settings.perMinute(category);
        String key = caller.get().clientId() + " " + request.getMethod() + " " + route;
        Optional<Duration> wait = buckets.take(key, perMinute);
        if (wait.isPresent()) {
            registry.counter(OperationsMeters.RATE_LIMITED, "category", category.name().toLowerCase()).increment();
            throw new RateLimitExceeded(perMinute, wait.get());
        }
        return true;
    }
}
