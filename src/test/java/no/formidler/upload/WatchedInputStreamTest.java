package no.formidler.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import no.formidler.testsupport.TestClock;
import org.junit.jupiter.api.Test;

class WatchedInputStreamTest {
    private final TestClock clock = new TestClock();
    private final AtomicInteger looks = new AtomicInteger();
    private final AtomicBoolean withdrawn = new AtomicBoolean();

    private WatchedInputStream body(int size) {
        return new WatchedInputStream(new ByteArrayInputStream(new byte[size]), () -> {
            looks.incrementAndGet();
            return withdrawn.get();
        }, clock, Duration.ofHours(1));
    }

    @Test
    void manyReadsWithinOneIntervalAskTheDatabaseNothing() throws Exception {
        WatchedInputStream in = body(10_001);
        byte[] buffer = new byte[10];
        for (int i = 0; i < 1000; i++) {
            assertThat(in.read(buffer)).isEqualTo(10);
        }
        assertThat(looks).hasValue(0);
        clock.advance(Duration.ofHours(1));
        assertThat(in.read()).isZero();
        assertThat(looks).hasValue(1);
    }

    @Test
    void aWithdrawalSeenAtTheNextLookStopsTheBodyAndSaysSo() throws Exception {
        WatchedInputStream in = body(100);
        assertThat(in.read(new byte[10])).isEqualTo(10);
        withdrawn.set(true);
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(WatchedInputStream.UploadStoppedException.class);
    }
}
