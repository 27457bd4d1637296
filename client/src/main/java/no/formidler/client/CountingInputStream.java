package no.formidler.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports each byte read to a {@link ProgressListener}. */
final class CountingInputStream extends FilterInputStream {
    private final long total;
    private final ProgressListener progress;
    private long count;

    CountingInputStream(InputStream in, long total, ProgressListener progress) {
        super(in);
        this.total = total;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            progress.progress(++count, total);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            progress.progress(count, total);
        }
        return n;
    }
}
