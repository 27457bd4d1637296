package no.formidler.upload;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import no.formidler.storage.ObservedInputStream;

/**
 * An upload body that asks at most once per {@code interval} while it streams whether its transfer was withdrawn, and
 * then stops with {@link UploadStoppedException}: the uploader learns it at once, not after sending the rest. The
 * question is a database read, so a withdrawal on another node stops it too; between two looks nothing is asked,
 * however small the pieces read.
 */
public final class WatchedInputStream extends ObservedInputStream {
    /** How often an upload in flight looks: one primary-key read per second per upload. */
    public static final Duration LOOK_EVERY = Duration.ofSeconds(1);
    private final BooleanSupplier withdrawn;
    private final Clock clock;
    private final long intervalMillis;
    private long nextLook;

    public WatchedInputStream(InputStream in, BooleanSupplier withdrawn, Clock clock, Duration interval) {
        super(in);
        this.withdrawn = withdrawn;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.nextLook = clock.millis() + intervalMillis;
    }

    @Override
    protected void observe(byte[] buffer, int offset, int length) throws UploadStoppedException {
        long now = clock.millis();
        if (now < nextLook) {
            return;
        }
        nextLook = now + intervalMillis;
        if (withdrawn.getAsBoolean()) {
            throw new UploadStoppedException();
        }
    }

    /** The transfer was withdrawn while this upload streamed. */
    public static final class UploadStoppedException extends IOException {
        UploadStoppedException() {
            super("The transfer was withdrawn while this upload streamed");
        }
    }
}
