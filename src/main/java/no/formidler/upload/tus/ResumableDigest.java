package no.formidler.upload.tus;

import java.nio.ByteBuffer;

/**
 * A 64-byte-block Merkle–Damgård digest (MD5, SHA-256) whose running state can be saved and restored, so that the
 * digest of a file uploaded in pieces over many requests, on any node, is computed while the bytes stream in and
 * is ready when the last piece arrives. The JDK's {@code MessageDigest} cannot export its state, hence this.
 */
abstract sealed class ResumableDigest permits Md5Digest, Sha256Digest {
    private final byte[] block = new byte[64];
    private final int[] state;
    private long count;

    ResumableDigest(int[] initialState) {
        this.state = initialState.clone();
    }

    /** Compresses one 64-byte block at {@code offset} into {@code state}. */
    abstract void compress(int[] state, byte[] input, int offset);

    /** Writes the message length in bits into the last 8 bytes of the final block, in the algorithm's byte order. */
    abstract void putLength(byte[] lastBlock, long bits);

    /** Writes the state words as the digest, in the algorithm's byte order. */
    abstract byte[] output(int[] state);

    final void update(byte[] input, int offset, int length) {
        int buffered = (int) (count & 63);
        count += length;
        if (buffered > 0) {
            int take = Math.min(64 - buffered, length);
            System.arraycopy(input, offset, block, buffered, take);
            offset += take;
            length -= take;
            if (buffered + take < 64) {
                return;
            }
            compress(state, block, 0);
        }
        while (length >= 64) {
            compress(state, input, offset);
            offset += 64;
            length -= 64;
        }
        System.arraycopy(input, offset, block, 0, length);
    }

    /** The digest of everything so far; the running state is left as it was. */
    final byte[] digest() {
        int[] words = state.clone();
        int buffered = (int) (count & 63);
        byte[] last = new byte[buffered < 56 ? 64 : 128];
        System.arraycopy(block, 0, last, 0, buffered);
        last[buffered] = (byte) 0x80;
        byte[] tail = new byte[64];
        System.arraycopy(last, last.length - 64, tail, 0, 64);
        putLength(tail, count << 3);
        System.arraycopy(tail, 0, last, last.length - 64, 64);
        for (int i = 0; i < last.length; i += 64) {
            compress(words, last, i);
        }
        return output(words);
    }

    long count() {
        return count;
    }

    /** The running state: byte count, state words and the bytes of the unfinished block. */
    final byte[] save() {
        int buffered = (int) (count & 63);
        ByteBuffer out = ByteBuffer.allocate(8 + 4 * state.length + buffered);
        out.putLong(count);
        for (int word : state) {
            out.putInt(word);
        }
        out.put(block, 0, buffered);
        return out.array();
    }

    final void restore(ByteBuffer saved) {
        count = saved.getLong();
        for (int i = 0; i < state.length; i++) {
            state[i] = saved.getInt();
        }
        saved.get(block, 0, (int) (count & 63));
    }
}
