package no.formidler.events;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox in its total order, for a publisher outside this package (Altinn platform mode, in {@code altinn/}):
 * every event as the same CloudEvent bytes a webhook subscriber gets, and a loop woken when events commit on this node.
 */
@Component
public class OutboxFeed {
    /** One event: its position in the outbox's order and its CloudEvent ({@code application/cloudevents+json}). */
    public record Entry(long sequence, byte[] cloudEvent) {
    }

    /** One round of work; true when there may be more to do at once. */
    public interface Round {
        boolean run() throws InterruptedException;
    }

    public static final String MEDIA_TYPE = CloudEvents.MEDIA_TYPE;

    private final EventLog log;
    private final CloudEvents cloudEvents;
    private final JsonMapper json;
    private final OutboxSignal signal;
    private final EventProperties properties;

    OutboxFeed(EventLog log, CloudEvents cloudEvents, JsonMapper json, OutboxSignal signal, EventProperties properties) {
        this.log = log;
        this.cloudEvents = cloudEvents;
        this.json = json;
        this.signal = signal;
        this.properties = properties;
    }

    /** Every resource's events after {@code sequence}, at most {@code limit}, in order. */
    public List<Entry> after(long sequence, int limit) {
        return log.after(sequence, limit).stream()
                .map(event -> new Entry(event.sequence(), json.writeValueAsBytes(cloudEvents.of(event))))
                .toList();
    }

    /** Runs rounds until {@code running} turns false or the thread is interrupted (see {@link PollingLoop}). */
    public void follow(BooleanSupplier running, Round round, Consumer<RuntimeException> failed) {
        PollingLoop.run(running, signal, properties.pollInterval(), round::run, failed);
    }
}
