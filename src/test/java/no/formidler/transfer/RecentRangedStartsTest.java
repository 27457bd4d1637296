package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import no.formidler.auth.Organization;
import org.junit.jupiter.api.Test;

class RecentRangedStartsTest {
    private static final Organization RECIPIENT = new Organization("986252932");
    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void keepsTheLatestStartPerTransferAndRecipient() {
        RecentRangedStarts starts = new RecentRangedStarts(10);
        UUID transfer = UUID.randomUUID();
        assertThat(starts.latest(transfer, RECIPIENT)).isEmpty();
        starts.remember(transfer, RECIPIENT, T);
        starts.remember(transfer, RECIPIENT, T.minusSeconds(60));
        assertThat(starts.latest(transfer, RECIPIENT)).contains(T);
        starts.remember(transfer, RECIPIENT, T.plusSeconds(1));
        assertThat(starts.latest(transfer, RECIPIENT)).contains(T.plusSeconds(1));
        assertThat(starts.latest(transfer, new Organization("910075918"))).isEmpty();
        assertThat(starts.latest(UUID.randomUUID(), RECIPIENT)).isEmpty();
    }

    @Test
    void forgetsTheLeastRecentlyUsedBeyondItsCapacity() {
        RecentRangedStarts starts = new RecentRangedStarts(2);
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID();
        starts.remember(a, RECIPIENT, T);
        starts.remember(b, RECIPIENT, T);
        assertThat(starts.latest(a, RECIPIENT)).contains(T);
        starts.remember(c, RECIPIENT, T);
        assertThat(starts.latest(b, RECIPIENT)).as("b was used least recently").isEmpty();
        assertThat(starts.latest(a, RECIPIENT)).contains(T);
        assertThat(starts.latest(c, RECIPIENT)).contains(T);
    }
}
