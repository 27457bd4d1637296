package no.formidler.events;

import java.time.Duration;
import java.time.Instant;
import no.formidler.auth.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells a waiting reader when an organisation has new events (for the web app's live inbox): woken at once by this
 * node's commits, and looking again every few seconds for other nodes' events. Reads only sequence numbers; what
 * changed is read from the API as usual.
 */
@Component
public class PartyEvents {
    private static final long RECHECK_MILLIS = 3000;
    private final JdbcClient jdbc;
    private final OutboxSignal signal;

    PartyEvents(JdbcClient jdbc, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.signal = signal;
    }

    /** The newest event's sequence number: a cursor to wait from. */
    public long latest() {
        return jdbc.sql("select coalesce(max(sequence), 0) from event_outbox").query(Long.class).single();
    }

    /** Waits until {@code org} has an event after {@code after} or {@code timeout} passes; the newest such sequence. */
    public long await(Organization org, long after, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            long generation = signal.generation();
            long newest = newest(org, after);
            long left = Duration.between(Instant.now(), end).toMillis();
            if (newest > after || left <= 0) {
                return newest;
            }
            signal.await(generation, Math.min(left, RECHECK_MILLIS));
        }
    }

    private long newest(Organization org, long after) {
        return jdbc.sql("select coalesce(max(sequence), :after) from event_outbox where subject_org = :org and sequence > :after")
                .param("org", org.number()).param("after", after).query(Long.class).single();
    }
}
