package no.formidler.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body: a failure to read it is the client's (it went away or sent a broken body), which this stream
 * makes tellable from a failure to store the bytes.
 */
final class ClientInputStream extends FilterInputStream {
    ClientInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }

    /** Reading the request body failed. */
    static final class ClientGoneException extends IOException {
        ClientGoneException(IOException cause) {
            super("The request body could not be read to its end", cause);
        }
    }
}
