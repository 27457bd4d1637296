package no.formidler.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final MovableClock clock = new MovableClock();
    private final TokenBuckets buckets = new TokenBuckets(clock);

    @Test
    void aClientMayBurstUpToItsLimitAndThenWaitsForTheNextToken() {
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.take("client search", 10)).isEmpty();
        }
        assertThat(buckets.take("client search", 10)).contains(Duration.ofSeconds(6));

        clock.now = clock.now.plusSeconds(6);
        assertThat(buckets.take("client search", 10)).isEmpty();
        assertThat(buckets.take("client search", 10)).isPresent();
    }

    @Test
    void keysAreCountedApart() {
        assertThat(buckets.take("a search", 1)).isEmpty();
        assertThat(buckets.take("a search", 1)).isPresent();
        assertThat(buckets.take("a download", 1)).isEmpty();
        assertThat(buckets.take("b search", 1)).isEmpty();
    }

    @Test
    void aBucketRefillsToItsCapacityAndNoMore() {
        for (int i = 0; i < 3; i++) {
            buckets.take("c", 3);
        }
        clock.now = clock.now.plus(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("c", 3)).isEmpty();
        }
        assertThat(buckets.take("c", 3)).isPresent();
    }

    @Test
    void endpointsFallIntoTheReferencesCategories() {
        assertThat(EndpointCategory.of("GET", "/broker/api/v1/filetransfer")).isEqualTo(EndpointCategory.SEARCH);
        assertThat(EndpointCategory.of("GET", "/broker/api/v1/filetransfer/{fileTransferId}/details"))
                .isEqualTo(EndpointCategory.DETAILS);
        assertThat(EndpointCategory.of("POST", "/broker/api/v1/filetransfer")).isEqualTo(EndpointCategory.OTHER);
        assertThat(EndpointCategory.of("GET", "/broker/api/v1/filetransfer/{fileTransferId}")).isEqualTo(EndpointCategory.OTHER);
    }

    @Test
    void tusRequestsAndRoutesOutsideTheApiAreNotLimited() {
        assertThat(EndpointCategory.limited("/broker/api/v1/filetransfer/upload/tus/{fileTransferId}")).isFalse();
        assertThat(EndpointCategory.limited("/broker/api/v1/filetransfer/upload/tus")).isFalse();
        assertThat(EndpointCategory.limited("/dev/tokens/enterprise")).isFalse();
        assertThat(EndpointCategory.limited("/broker/api/v1/filetransfer/upload")).isTrue();
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
