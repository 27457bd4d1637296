package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    private static final Instant T = Instant.parse("2026-12-04T19:05:00.123Z");

    @Test
    void anIdIsAVersion7UuidThatStartsWithItsMillisecond() {
        UUID id = TimeOrderedIds.next(T);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli());
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", T.toEpochMilli() >>> 16, T.toEpochMilli() & 0xFFFF));
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgresqlComparesThem() {
        // PostgreSQL orders uuid by its bytes, which is the order of the text form.
        for (int i = 0; i < 1000; i++) {
            String earlier = TimeOrderedIds.next(T.plusMillis(i)).toString();
            String later = TimeOrderedIds.next(T.plusMillis(i + 1)).toString();
            assertThat(later).isGreaterThan(earlier);
        }
    }

    @Test
    void idsOfOneMillisecondStillDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next(T));
        }
        assertThat(ids).hasSize(100_000);
    }
}
