package no.formidler.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Calls a hook each time another {@code every} bytes have been read (to sample memory during a download). */
final class SamplingInputStream extends FilterInputStream {
    private final long every;
    private final Runnable hook;
    private long position;
    private long nextSample;

    SamplingInputStream(InputStream in, long every, Runnable hook) {
        super(in);
        this.every = every;
        this.hook = hook;
        this.nextSample = every;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            position += n;
            if (position >= nextSample) {
                nextSample += every;
                hook.run();
            }
        }
        return n;
    }
}
