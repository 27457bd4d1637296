package no.formidler.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key (client and endpoint), kept in this node's memory: a bucket holds up to a minute's
 * allowance and refills continuously, so a client may burst up to its limit and then go at the limit's pace.
 */
final class TokenBuckets {
    /** Beyond this many keys, buckets that have refilled completely (idle clients) are dropped. */
    static final int PRUNE_ABOVE = 10_000;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    private static final class Bucket {
        final int capacity;
        double tokens;
        Instant updated;

        Bucket(int capacity, Instant now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized void refill(Instant now) {
            if (now.isAfter(updated)) {
                double elapsedNanos = Duration.between(updated, now).toNanos();
                tokens = Math.min(capacity, tokens + elapsedNanos * capacity / WINDOW.toNanos());
                updated = now;
            }
        }
    }

    TokenBuckets(Clock clock) {
        this.clock = clock;
    }

    /** Takes one token for {@code key}; when none is left, returns how long until one will be. */
    Optional<Duration> take(String key, int perMinute) {
        Instant now = clock.instant();
        if (buckets.size() > PRUNE_ABOVE) {
            prune(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            bucket.refill(now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            long nanos = (long) Math.ceil((1 - bucket.tokens) * WINDOW.toNanos() / bucket.capacity);
            return Optional.of(Duration.ofNanos(nanos));
        }
    }

    private void prune(Instant now) {
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                bucket.refill(now);
                return bucket.tokens >= bucket.capacity;
            }
        });
    }
}
