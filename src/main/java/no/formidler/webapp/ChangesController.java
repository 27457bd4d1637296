package no.formidler.webapp;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.events.PartyEvents;
import java.util.concurrent.Semaphore;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the web app: a {@code changed} event whenever the signed-in organisation gets a new event
 * (a transfer published to it, a recipient's download or confirmation, …), so its lists refresh without polling.
 * A stream lasts a few minutes; the browser's EventSource reconnects by itself.
 *
 * <p>Each open stream waits on a thread of its own, never on the application's shared task pool (a bounded pool
 * of platform threads on JDK 17–20, where eight open browser tabs would have held it for minutes): a virtual thread
 * where the JDK has them, a platform thread otherwise, and at most {@link #MAX_STREAMS} of them; beyond that a stream
 * is refused with 503 and {@code Retry-After}, and the browser tries again.
 */
@RestController
class ChangesController {
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(5);
    private static final Duration KEEPALIVE = Duration.ofSeconds(20);
    static final int MAX_STREAMS = 500;
    private final PartyEvents events;
    private final SimpleAsyncTaskExecutor threads = streamThreads();
    private final Semaphore open = new Semaphore(MAX_STREAMS);

    ChangesController(PartyEvents events) {
        this.events = events;
    }

    private static SimpleAsyncTaskExecutor streamThreads() {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("web-changes-");
        try {
            threads.setVirtualThreads(true);
        } catch (UnsupportedOperationException olderJdk) {
            threads.setDaemon(true); // a platform thread per stream, bounded by MAX_STREAMS
        }
        return threads;
    }

    @GetMapping(value = "/web/api/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter changes(Caller caller) {
        Organization org = caller.organization().orElseThrow(() -> new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE));
        if (!open.tryAcquire()) {
            ErrorResponseException busy = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
            busy.setDetail("Too many open change streams. Please try again shortly.");
            busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
            throw busy;
        }
        try {
            SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.plusSeconds(30).toMillis());
            long start = events.latest();
            threads.execute(() -> {
                try {
                    stream(emitter, org, start);
                } finally {
                    open.release();
                }
            });
            return emitter;
        } catch (RuntimeException e) {
            open.release();
            throw e;
        }
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
