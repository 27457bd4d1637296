package no.formidler.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** An observed stream sees every byte once: a reader cannot replay bytes through mark and reset. */
class ObservedInputStreamTest {
    @Test
    void markAndResetAreRefusedSoNoByteIsObservedTwice() throws IOException {
        AtomicLong seen = new AtomicLong();
        InputStream observed = new ObservedInputStream(new BufferedInputStream(new ByteArrayInputStream(new byte[10]))) {
            @Override
            protected void observe(byte[] buffer, int offset, int length) {
                seen.addAndGet(length);
            }
        };

        assertThat(observed.markSupported()).isFalse();
        observed.mark(10);
        observed.readNBytes(4);
        assertThatThrownBy(observed::reset).isInstanceOf(IOException.class);
        observed.readAllBytes();
        assertThat(seen).hasValue(10);
    }
}
