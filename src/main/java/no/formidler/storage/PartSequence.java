package no.formidler.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

/**
 * The stored parts of parted uploads read one after the other as one stream, each opened only when the one before
 * has ended, so composing through the node holds one part's read buffer at a time.
 */
final class PartSequence extends InputStream {

    /** Opens one stored part for reading. */
    interface PartSource {
        InputStream open() throws IOException;
    }

    private final Iterator<PartSource> sources;
    private InputStream current = InputStream.nullInputStream();

    PartSequence(List<PartSource> sources) {
        this.sources = sources.iterator();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            int n = current.read(buffer, offset, length);
            if (n >= 0) {
                return n;
            }
            current.close();
            if (!sources.hasNext()) {
                current = InputStream.nullInputStream();
                return -1;
            }
            current = sources.next().open();
        }
    }

    @Override
    public void close() throws IOException {
        current.close();
    }
}
