package no.formidler.storage;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A digest computed on another core while the request thread goes on reading and storing: an upload hashes every
 * byte twice (MD5 and SHA-256), and on the request thread alone the hashing, not the disk, bounds its speed. The bytes
 * travel in a {@link BufferRelay}'s few reusable buffers, so a slow digest holds the reader back instead of growing the
 * heap, and digests kept between a TUS upload's requests hold none.
 */
final class OffThreadDigest {
    private static final int BUFFER_SIZE = 256 * 1024;
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "upload-digest");
                thread.setDaemon(true);
                return thread;
            });

    private final MessageDigest digest;
    private final BufferRelay relay;

    OffThreadDigest(String algorithm) {
        try {
            this.digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.relay = new BufferRelay(WORKERS, BUFFER_SIZE, (bytes, length) -> digest.update(bytes, 0, length));
    }

    /** Hands these bytes to the digest; returns once they are copied (waiting while all buffers are in use). */
    void update(byte[] bytes, int offset, int length) throws IOException {
        relay.relay(bytes, offset, length);
    }

    /** Waits for every byte handed over so far and lets go of the buffers; a later update makes new ones. */
    void park() {
        relay.park();
    }

    int buffersHeld() {
        return relay.buffersHeld();
    }

    /** Waits for every byte handed over so far, then finishes the digest. */
    String hex() {
        relay.park();
        return HexFormat.of().formatHex(digest.digest());
    }
}
