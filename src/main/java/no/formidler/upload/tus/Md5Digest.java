package no.formidler.upload.tus;

/** MD5 (RFC 1321) with a state that can be saved; see {@link ResumableDigest}. */
final class Md5Digest extends ResumableDigest {
    private static final int[] S = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};
    private static final int[] K = new int[64];

    static {
        for (int i = 0; i < 64; i++) {
            K[i] = (int) (long) Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296.0);
        }
    }

    Md5Digest() {
        super(new int[] {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476});
    }

    @Override
    void compress(int[] state, byte[] input, int offset) {
        int[] m = new int[16];
        for (int i = 0; i < 16; i++) {
            int p = offset + 4 * i;
            m[i] = (input[p] & 0xff) | (input[p + 1] & 0xff) << 8 | (input[p + 2] & 0xff) << 16 | (input[p + 3] & 0xff) << 24;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        for (int i = 0; i < 64; i++) {
            int f;
            int g;
            switch (i >> 4) {
                case 0 -> {
                    f = (b & c) | (~b & d);
                    g = i;
                }
                case 1 -> {
                    f = (d & b) | (~d & c);
                    g = (5 * i + 1) & 15;
                }
                case 2 -> {
                    f = b ^ c ^ d;
                    g = (3 * i + 5) & 15;
                }
                default -> {
                    f = c ^ (b | ~d);
                    g = (7 * i) & 15;
                }
            }
            int rotated = Integer.rotateLeft(a + f + K[i] + m[g], S[(i >> 4) * 4 + (i & 3)]);
            a = d;
            d = c;
            c = b;
            b = b + rotated;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }

    @Override
    void putLength(byte[] lastBlock, long bits) {
        for (int i = 0; i < 8; i++) {
            lastBlock[56 + i] = (byte) (bits >>> (8 * i));
        }
    }

    @Override
    byte[] output(int[] state) {
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) (state[i >> 2] >>> (8 * (i & 3)));
        }
        return out;
    }
}
