package no.formidler.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class WatchedInputStreamTest {
    private static final Duration INTERVAL = Duration.ofHours(1);
    private final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE - 10); // a ticker that overflows on the way
    private final AtomicInteger looks = new AtomicInteger();
    private final AtomicBoolean withdrawn = new AtomicBoolean();

    private WatchedInputStream body(int size) {
        return body(size, () -> {
            looks.incrementAndGet();
            return withdrawn.get();
        });
    }

    private WatchedInputStream body(int size, BooleanSupplier look) {
        return new WatchedInputStream(new ByteArrayInputStream(new byte[size]), look, nanos::get, INTERVAL);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void manyReadsWithinOneIntervalAskTheDatabaseNothing() throws Exception {
        WatchedInputStream in = body(10_001);
        byte[] buffer = new byte[10];
        for (int i = 0; i < 1000; i++) {
            assertThat(in.read(buffer)).isEqualTo(10);
        }
        assertThat(looks).hasValue(0);
        advance(INTERVAL);
        assertThat(in.read()).isZero();
        assertThat(looks).hasValue(1);
    }

    @Test
    void aWithdrawalSeenAtTheNextLookStopsTheBodyAndSaysSo() throws Exception {
        WatchedInputStream in = body(100);
        assertThat(in.read(new byte[10])).isEqualTo(10);
        withdrawn.set(true);
        advance(INTERVAL);
        assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(WatchedInputStream.UploadStoppedException.class);
    }

    @Test
    void aLookThatFailsLetsTheUploadGoOnAndTheNextLookAsksAgain() throws Exception {
        WatchedInputStream in = body(100, () -> {
            if (looks.incrementAndGet() == 1) {
                throw new IllegalStateException("pool timeout");
            }
            return withdrawn.get();
        });
        advance(INTERVAL);
        assertThat(in.read(new byte[10])).isEqualTo(10);
        withdrawn.set(true);
        advance(INTERVAL);
        assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(WatchedInputStream.UploadStoppedException.class);
        assertThat(looks).hasValue(2);
    }

    @Test
    void theLooksAreTimedByTheMonotonicTickerAcrossItsOverflow() throws Exception {
        WatchedInputStream in = body(100);
        advance(INTERVAL.dividedBy(2));
        assertThat(in.read(new byte[10])).isEqualTo(10);
        assertThat(looks).hasValue(0);
        advance(INTERVAL.dividedBy(2));
        assertThat(in.read(new byte[10])).isEqualTo(10);
        assertThat(looks).hasValue(1);
    }
}
