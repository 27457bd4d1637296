package no.formidler.storage;

import java.io.IOException;
import java.io.InputStream;

/** Reading a stream one part (S3) or block (Azure) at a time into one reused buffer. */
public final class Parts {
    private Parts() {
    }

    /** Fills {@code buffer} from {@code in} until it is full or the stream ends; returns the bytes read. */
    public static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }
}
