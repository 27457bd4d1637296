package no.formidler.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A relay's stage sees every byte once and in order, on a worker, with a bounded number of buffers. */
class BufferRelayTest {
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void theStageGetsTheWholeStreamInOrderThroughAtMostFourBuffers() throws Exception {
        byte[] file = new byte[3_000_001];
        new Random(3).nextBytes(file);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        AtomicInteger inStage = new AtomicInteger();
        BufferRelay relay = new BufferRelay(workers, 64 * 1024, (bytes, length) -> {
            assertThat(inStage.incrementAndGet()).isEqualTo(1);
            seen.write(bytes, 0, length);
            inStage.decrementAndGet();
        });

        long count = relay.relayFrom(new TricklingStream(file));

        assertThat(count).isEqualTo(file.length);
        assertThat(seen.toByteArray()).isEqualTo(file);
        assertThat(relay.buffersHeld()).isZero();
    }

    @Test
    void copiedBytesArriveInOrderAndParkingLetsGoOfTheBuffers() throws Exception {
        byte[] file = new byte[700_000];
        new Random(5).nextBytes(file);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        BufferRelay relay = new BufferRelay(workers, 100_000, (bytes, length) -> seen.write(bytes, 0, length));

        relay.relay(file, 0, 450_000);
        assertThat(relay.buffersHeld()).isBetween(1, 4);
        relay.park();
        assertThat(relay.buffersHeld()).isZero();
        relay.relay(file, 450_000, 250_000);
        relay.drain();

        assertThat(seen.toByteArray()).isEqualTo(file);
    }

    @Test
    void aFailedStageFailsTheReaderAndWorksOnNothingMore() {
        AtomicInteger calls = new AtomicInteger();
        IOException diskFull = new IOException("No space left on device");
        BufferRelay relay = new BufferRelay(workers, 1024, (bytes, length) -> {
            if (calls.incrementAndGet() == 3) {
                throw diskFull;
            }
        });

        assertThatThrownBy(() -> relay.relayFrom(new ByteArrayInputStream(new byte[1024 * 1024]))).isSameAs(diskFull);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(relay.buffersHeld()).isZero();
    }

    @Test
    void aReaderThatFailsReturnsOnlyWhenTheStageIsDoneWithItsBuffers() {
        AtomicInteger inStage = new AtomicInteger();
        BufferRelay relay = new BufferRelay(workers, 1024, (bytes, length) -> {
            inStage.incrementAndGet();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inStage.decrementAndGet();
        });
        InputStream cut = new InputStream() {
            private int left = 3 * 1024;

            @Override
            public int read() throws IOException {
                if (left-- == 0) {
                    throw new IOException("client gone");
                }
                return 0;
            }
        };

        assertThatThrownBy(() -> relay.relayFrom(cut)).hasMessage("client gone");
        assertThat(inStage.get()).isZero();
    }

    /** Hands out a few bytes a read, as a socket does. */
    private static final class TricklingStream extends ByteArrayInputStream {
        TricklingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 8191));
        }
    }
}
