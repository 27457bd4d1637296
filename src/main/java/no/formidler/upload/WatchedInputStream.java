package no.formidler.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import no.formidler.transfer.TransferLifecycle.UploadStanding;

/**
 * An upload body that looks at its transfer at most once per {@code interval} while it streams, and stops with
 * {@link UploadStoppedException} once the transfer no longer takes the upload (the sender withdrew it, or another
 * upload finished first): the uploader learns it then, not after sending the rest. The look is a database read, so a
 * withdrawal on another node stops it too; between looks nothing is asked, whatever the size of the pieces read.
 */
final class WatchedInputStream extends FilterInputStream {
    private final Supplier<UploadStanding> standing;
    private final Clock clock;
    private final long intervalMillis;
    private long nextLook;

    WatchedInputStream(InputStream in, Supplier<UploadStanding> standing, Clock clock, Duration interval) {
        super(in);
        this.standing = standing;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.nextLook = clock.millis() + intervalMillis;
    }

    @Override
    public int read() throws IOException {
        look();
        return super.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        look();
        return super.read(buffer, offset, length);
    }

    private void look() throws UploadStoppedException {
        long now = clock.millis();
        if (now < nextLook) {
            return;
        }
        nextLook = now + intervalMillis;
        UploadStanding seen = standing.get();
        if (seen != UploadStanding.MAY_COMPLETE) {
            throw new UploadStoppedException(seen);
        }
    }

    /** The transfer stopped taking this upload while it streamed. */
    static final class UploadStoppedException extends IOException {
        private final transient UploadStanding standing;

        UploadStoppedException(UploadStanding standing) {
            super("The transfer no longer takes this upload: " + standing);
            this.standing = standing;
        }

        UploadStanding standing() {
            return standing;
        }
    }
}
