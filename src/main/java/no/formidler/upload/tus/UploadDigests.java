package no.formidler.upload.tus;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The whole-file MD5 (the reference's checksum) and SHA-256 of an upload, carried from piece to piece through
 * PostgreSQL: each PATCH restores the state saved by the one before, feeds its bytes, and saves it with the new
 * offset in the same transaction. So the digests always cover exactly the durably stored bytes.
 */
final class UploadDigests {
    private final Md5Digest md5 = new Md5Digest();
    private final Sha256Digest sha256 = new Sha256Digest();

    static UploadDigests fresh() {
        return new UploadDigests();
    }

    static UploadDigests restore(byte[] saved) {
        UploadDigests digests = new UploadDigests();
        ByteBuffer buffer = ByteBuffer.wrap(saved);
        digests.md5.restore(buffer);
        digests.sha256.restore(buffer);
        return digests;
    }

    void update(byte[] input, int offset, int length) {
        md5.update(input, offset, length);
        sha256.update(input, offset, length);
    }

    long count() {
        return md5.count();
    }

    byte[] save() {
        byte[] a = md5.save();
        byte[] b = sha256.save();
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    String md5Hex() {
        return HexFormat.of().formatHex(md5.digest());
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
