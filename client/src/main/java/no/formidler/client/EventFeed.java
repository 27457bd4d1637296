package no.formidler.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The caller's events of one resource ({@code GET /events/api/v1/events}), oldest first. Iterating stores the
 * cursor of an event once the loop moves past it (the next {@code hasNext}), so an event whose handling threw is
 * read again after a restart, and a handled one never is. The iteration ends when the feed has nothing newer; start
 * it again later to wait for more.
 */
public final class EventFeed implements Iterable<CloudEvent> {
    private static final TypeReference<List<CloudEvent>> PAGE = new TypeReference<>() {
    };
    private final BrokerHttp http;
    private final String resourceId;
    private final CursorStore cursor;
    private final List<String> types;
    private final int pageSize;

    EventFeed(BrokerHttp http, String resourceId, CursorStore cursor, List<String> types, int pageSize) {
        this.http = http;
        this.resourceId = resourceId;
        this.cursor = cursor;
        this.types = types;
        this.pageSize = pageSize;
    }

    /** Only events of these types ({@code no.altinn.broker.published}, …). */
    public EventFeed types(String... value) {
        return new EventFeed(http, resourceId, cursor, List.of(value), pageSize);
    }

    /** The next page after the stored cursor, without moving it. */
    public List<CloudEvent> page() {
        StringBuilder query = new StringBuilder("/events/api/v1/events?resource=")
                .append(URLEncoder.encode(CloudEvent.RESOURCE_PREFIX + resourceId, StandardCharsets.UTF_8))
                .append("&after=").append(URLEncoder.encode(cursor.load().orElse("0"), StandardCharsets.UTF_8))
                .append("&size=").append(pageSize);
        types.forEach(type -> query.append("&type=").append(URLEncoder.encode(type, StandardCharsets.UTF_8)));
        return http.json(() -> http.request(query.toString()).GET().build(), BrokerHttp.Safety.SAFE, PAGE);
    }

    public void acknowledge(CloudEvent event) {
        cursor.store(event.id());
    }

    @Override
    public Iterator<CloudEvent> iterator() {
        return new Iterator<>() {
            private final Deque<CloudEvent> buffered = new ArrayDeque<>();
            private CloudEvent handed;

            @Override
            public boolean hasNext() {
                if (handed != null) {
                    acknowledge(handed);
                    handed = null;
                }
                if (buffered.isEmpty()) {
                    buffered.addAll(page());
                }
                return !buffered.isEmpty();
            }

            @Override
            public CloudEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                handed = buffered.removeFirst();
                return handed;
            }
        };
    }
}
