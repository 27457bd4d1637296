package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The resumable MD5 and SHA-256 agree with the JDK's, however the bytes are cut and however often state is saved. */
class UploadDigestsTest {

    @Test
    void digestsOfEveryLengthAroundTheBlockBoundariesMatchTheJdk() throws Exception {
        Random random = new Random(7);
        for (int length = 0; length <= 200; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            UploadDigests digests = UploadDigests.fresh();
            digests.update(data, 0, length);
            assertThat(digests.md5Hex()).as("md5 of %d bytes", length).isEqualTo(jdk("MD5", data));
            assertThat(digests.sha256Hex()).as("sha256 of %d bytes", length).isEqualTo(jdk("SHA-256", data));
        }
    }

    @Test
    void stateSavedAndRestoredBetweenUnevenPiecesGivesTheSameDigests() throws Exception {
        Random random = new Random(11);
        byte[] data = new byte[1_000_003];
        random.nextBytes(data);
        UploadDigests digests = UploadDigests.fresh();
        int offset = 0;
        while (offset < data.length) {
            int piece = Math.min(data.length - offset, 1 + random.nextInt(70_000));
            digests.update(data, offset, piece);
            offset += piece;
            digests = UploadDigests.restore(digests.save());
        }
        assertThat(digests.count()).isEqualTo(data.length);
        assertThat(digests.md5Hex()).isEqualTo(jdk("MD5", data));
        assertThat(digests.sha256Hex()).isEqualTo(jdk("SHA-256", data));
    }

    @Test
    void askingForTheDigestDoesNotDisturbTheRunningState() throws Exception {
        byte[] data = "The quick brown fox jumps over the lazy dog, twice over the lazy dog.".getBytes();
        UploadDigests digests = UploadDigests.fresh();
        digests.update(data, 0, 10);
        digests.md5Hex();
        digests.sha256Hex();
        digests.update(data, 10, data.length - 10);
        assertThat(digests.md5Hex()).isEqualTo(jdk("MD5", data));
        assertThat(digests.sha256Hex()).isEqualTo(jdk("SHA-256", data));
    }

    private static String jdk(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }
}
