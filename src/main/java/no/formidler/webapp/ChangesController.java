package no.formidler.webapp;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.events.PartyEvents;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the web app: a {@code changed} event whenever the signed-in organisation gets a new event
 * (a transfer published to it, a recipient's download or confirmation, …), so its lists refresh without polling.
 * A stream lasts a few minutes; the browser's EventSource reconnects by itself.
 */
@RestController
class ChangesController {
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(5);
    private static final Duration KEEPALIVE = Duration.ofSeconds(20);
    private final PartyEvents events;
    private final AsyncTaskExecutor executor;

    ChangesController(PartyEvents events, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
        this.events = events;
        this.executor = executor;
    }

    @GetMapping(value = "/web/api/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter changes(Caller caller) {
        Organization org = caller.organization().orElseThrow(() -> new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE));
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.plusSeconds(30).toMillis());
        long start = events.latest();
        executor.execute(() -> stream(emitter, org, start));
        return emitter;
    }

    private void stream(SseEmitter emitter, Organization org, long cursor) {
        Instant end = Instant.now().plus(STREAM_LIFETIME);
        try {
            emitter.send(SseEmitter.event().comment("open"));
            while (Instant.now().isBefore(end)) {
                long newest = events.await(org, cursor, KEEPALIVE);
                if (newest > cursor) {
                    cursor = newest;
                    emitter.send(SseEmitter.event().name("changed").data(cursor));
                } else {
                    emitter.send(SseEmitter.event().comment("keepalive"));
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);   // the browser went away; nothing to clean up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }
}
