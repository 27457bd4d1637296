package no.formidler.upload;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import no.formidler.storage.ObservedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload body that asks at most once per {@code interval} while it streams whether its transfer was withdrawn, and
 * then stops with {@link UploadStoppedException}: the uploader learns it at once, not after sending the rest. The
 * question is a database read, so a withdrawal on another node stops it too; between two looks nothing is asked,
 * however small the pieces read. A look that fails (pool timeout, database restarting) lets the upload go on: its
 * completion checks the transfer again under the row lock. The looks are timed by a monotonic ticker, not the wall
 * clock, so a clock stepped back does not stop them.
 */
public final class WatchedInputStream extends ObservedInputStream {
    /** How often an upload in flight looks: one primary-key read per second per upload. */
    public static final Duration LOOK_EVERY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(WatchedInputStream.class);
    private final BooleanSupplier withdrawn;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private long nextLook;

    public WatchedInputStream(InputStream in, BooleanSupplier withdrawn, Duration interval) {
        this(in, withdrawn, System::nanoTime, interval);
    }

    /** With {@code nanoTime} a monotonic ticker in nanoseconds, as {@link System#nanoTime()}. */
    WatchedInputStream(InputStream in, BooleanSupplier withdrawn, LongSupplier nanoTime, Duration interval) {
        super(in);
        this.withdrawn = withdrawn;
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
        this.nextLook = nanoTime.getAsLong() + intervalNanos;
    }

    @Override
    protected void observe(byte[] buffer, int offset, int length) throws UploadStoppedException {
        long now = nanoTime.getAsLong();
        if (now - nextLook < 0) { // a difference, as nanoTime may overflow
            return;
        }
        nextLook = now + intervalNanos;
        if (withdrawnNow()) {
            throw new UploadStoppedException();
        }
    }

    private boolean withdrawnNow() {
        try {
            return withdrawn.getAsBoolean();
        } catch (RuntimeException lookFailed) {
            log.warn("Could not look whether an upload's transfer was withdrawn; the upload goes on", lookFailed);
            return false;
        }
    }

    /** The transfer was withdrawn while this upload streamed. */
    public static final class UploadStoppedException extends IOException {
        UploadStoppedException() {
            super("The transfer was withdrawn while this upload streamed");
        }
    }
}
