package no.formidler.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An S3 object body that, closed before its end (a recipient who went away), aborts the connection instead of
 * draining the rest of a possibly large object over the network.
 */
final class AbortingInputStream extends FilterInputStream {
    private final ResponseInputStream<?> response;
    private boolean ended;

    AbortingInputStream(ResponseInputStream<?> response) {
        super(response);
        this.response = response;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        ended |= b < 0;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        ended |= n < 0;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            response.abort();
        }
        super.close();
    }
}
