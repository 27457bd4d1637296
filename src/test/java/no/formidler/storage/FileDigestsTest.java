package no.formidler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Digests parked between a TUS upload's chunks hold no copy buffers and still hash the whole file. */
class FileDigestsTest {
    @Test
    void parkedDigestsHoldNoBuffersAndGoOnWhereTheyStopped() throws Exception {
        byte[] file = new byte[1_000_000];
        new Random(7).nextBytes(file);
        FileDigests digests = new FileDigests();
        assertThat(digests.buffersHeld()).isZero();

        digests.update(file, 0, 600_000);
        assertThat(digests.buffersHeld()).isPositive();
        digests.park();
        assertThat(digests.buffersHeld()).isZero();
        digests.update(file, 600_000, 400_000);

        assertThat(digests.finish()).isEqualTo(FileDigests.of(new ByteArrayInputStream(file)));
    }
}
