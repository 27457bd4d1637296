package no.formidler.ratelimit;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 with {@code Retry-After} in whole seconds; rendered as problem details by web.ProblemDetailsAdvice. */
class RateLimitExceeded extends ErrorResponseException {
    RateLimitExceeded(int perMinute, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Rate limit exceeded: at most %d requests per minute to this endpoint. Retry after %d seconds."
                        .formatted(perMinute, seconds(retryAfter))), null);
        getHeaders().set("Retry-After", Long.toString(seconds(retryAfter)));
        getHeaders().set("X-RateLimit-Limit", Integer.toString(perMinute));
        getHeaders().set("X-RateLimit-Remaining", "0");
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
