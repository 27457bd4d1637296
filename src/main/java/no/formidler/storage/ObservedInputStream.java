package no.formidler.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream decorator that sees every byte it passes exactly once, in order ({@link #observe}): single-byte reads go
 * through the array read, and skipping passes over nothing, so no byte escapes the digest, count or scan it feeds;
 * and no mark and reset, so none is seen twice.
 */
public abstract class ObservedInputStream extends FilterInputStream {

    protected ObservedInputStream(InputStream in) {
        super(in);
    }

    /** Called with every run of bytes read, before the reader gets them; may refuse them by throwing. */
    protected abstract void observe(byte[] buffer, int offset, int length) throws IOException;

    /** Reads the next bytes from the underlying stream, as {@link InputStream#read(byte[], int, int)}; not observed yet. */
    protected int fill(byte[] buffer, int offset, int length) throws IOException {
        return in.read(buffer, offset, length);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = fill(buffer, offset, length);
        if (n > 0) {
            observe(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0; // every byte must be observed
    }

    /** No mark and reset: a replayed byte would be observed twice. */
    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readLimit) {
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("mark and reset are not supported: every byte is observed once");
    }
}
