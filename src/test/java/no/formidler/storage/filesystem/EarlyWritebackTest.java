package no.formidler.storage.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EarlyWritebackTest {

    @Test
    void flushesOncePerIntervalWrittenAndNeverTwoAtOnce() throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        try (EarlyWriteback writeback = new EarlyWriteback(() -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            flushes.incrementAndGet();
            running.decrementAndGet();
        })) {
            writeback.written(EarlyWriteback.EVERY - 1);
            writeback.finish();
            assertThat(flushes).hasValue(0);
            writeback.written(1);
            writeback.finish();
            assertThat(flushes).hasValue(1);
            for (int i = 0; i < 10; i++) {
                writeback.written(EarlyWriteback.EVERY);
            }
            writeback.finish();
        }
        assertThat(flushes.get()).isBetween(2, 11);
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void aFlushInFlightIsNotStartedAgainButCountedOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger flushes = new AtomicInteger();
        try (EarlyWriteback writeback = new EarlyWriteback(() -> {
            flushes.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            writeback.written(EarlyWriteback.EVERY);
            writeback.written(3 * EarlyWriteback.EVERY);
            assertThat(flushes.get()).isLessThanOrEqualTo(1);
            release.countDown();
            writeback.finish();
            writeback.written(1); // the bytes counted while the first flush ran are due now
            writeback.finish();
            assertThat(flushes).hasValue(2);
        }
    }

    @Test
    void aFailedFlushFailsTheWriteAtItsNextStep() throws Exception {
        IOException full = new IOException("No space left on device");
        try (EarlyWriteback writeback = new EarlyWriteback(() -> {
            throw full;
        })) {
            writeback.written(EarlyWriteback.EVERY);
            assertThatThrownBy(writeback::finish).isSameAs(full);
        }
    }

    @Test
    void aPartIsFlushedAtItsOwnShorterInterval() throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        try (EarlyWriteback writeback = new EarlyWriteback(flushes::incrementAndGet, EarlyWriteback.EVERY_IN_A_PART)) {
            writeback.written(EarlyWriteback.EVERY_IN_A_PART);
            writeback.finish();
            assertThat(flushes).hasValue(1);
        }
        assertThat(EarlyWriteback.EVERY_IN_A_PART).isLessThan(EarlyWriteback.EVERY);
    }
}
