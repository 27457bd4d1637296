package no.formidler.transfer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Organization;

/**
 * What this node has read of the latest recorded start of a ranged download, per transfer and recipient: once a
 * start is committed it stays recorded, so the later parts of a burst need not ask the database again. Bounded: the
 * least recently used are forgotten first.
 */
final class RecentRangedStarts {
    private final int capacity;
    private final Map<Key, Instant> latest;

    private record Key(UUID transfer, Organization recipient) {
    }

    RecentRangedStarts(int capacity) {
        this.capacity = capacity;
        this.latest = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Instant> eldest) {
                return size() > RecentRangedStarts.this.capacity;
            }
        };
    }

    synchronized Optional<Instant> latest(UUID transfer, Organization recipient) {
        return Optional.ofNullable(latest.get(new Key(transfer, recipient)));
    }

    synchronized void remember(UUID transfer, Organization recipient, Instant at) {
        latest.merge(new Key(transfer, recipient), at, (known, later) -> later.isAfter(known) ? later : known);
    }
}
