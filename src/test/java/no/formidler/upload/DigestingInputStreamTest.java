package no.formidler.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigestingInputStreamTest {

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    @Test
    void digestsEqualTheJdksWhateverTheReadSizes() throws Exception {
        Random random = new Random(3);
        byte[] content = new byte[5 * 1024 * 1024 + 17];
        random.nextBytes(content);
        DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(content), Long.MAX_VALUE);
        byte[] buffer = new byte[2 * 1024 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, 1 + random.nextInt(buffer.length))) >= 0) {
            total += n;
        }
        assertThat(total).isEqualTo(content.length);
        assertThat(in.count()).isEqualTo(content.length);
        assertThat(in.md5Hex()).isEqualTo(hex("MD5", content));
        assertThat(in.sha256Hex()).isEqualTo(hex("SHA-256", content));
    }

    @Test
    void singleByteReadsAreHashedToo() throws Exception {
        byte[] content = "small".getBytes();
        DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(content), 100);
        while (in.read() >= 0) {
            // read byte by byte
        }
        assertThat(in.md5Hex()).isEqualTo(hex("MD5", content));
    }

    @Test
    void moreBytesThanTheLimitAreRefused() {
        InputStream in = new DigestingInputStream(new ByteArrayInputStream(new byte[1001]), 1000);
        assertThatThrownBy(() -> in.readAllBytes()).isInstanceOf(DigestingInputStream.SizeLimitExceededException.class);
    }
}
