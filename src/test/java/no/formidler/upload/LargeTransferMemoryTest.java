package no.formidler.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A 1 GiB file goes up and comes down again without the broker's live heap growing by more than 64 MB: bytes
 * stream through bounded buffers. The live heap is sampled after a full collection every half second.
 */
class LargeTransferMemoryTest extends ApiTest {
    private static final long SIZE = 1L << 30;
    private static final long MAX_GROWTH = 64L * 1024 * 1024;

    @Test
    void aOneGibibyteFileStreamsThroughWithAFlatHeap() throws Exception {
        Scenario s = scenario().ready();
        String id = s.initialize();
        long baseline = liveHeap();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(liveHeap(), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        try {
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            HttpRequest upload = client.request("/broker/api/v1/filetransfer/" + id + "/upload", s.senderToken,
                            "Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedContent(SIZE, sent)), SIZE))
                    .build();
            var uploaded = client.send(upload);
            assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
            String expected = HexFormat.of().formatHex(sent.digest());
            assertThat(s.overview(id, s.senderToken).json().get("sha256").asString()).isEqualTo(expected);

            MessageDigest received = MessageDigest.getInstance("SHA-256");
            HttpResponse<InputStream> download = client.send(
                    client.request("/broker/api/v1/filetransfer/" + id + "/download", s.recipient1Token).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(download.statusCode()).isEqualTo(200);
            long count = 0;
            try (InputStream in = download.body()) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    received.update(buffer, 0, n);
                    count += n;
                }
            }
            assertThat(count).isEqualTo(SIZE);
            assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(expected);
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        long growth = peak.get() - baseline;
        System.out.printf("1 GiB up and down: live heap baseline %d MB, peak %d MB, growth %d MB%n",
                baseline >> 20, peak.get() >> 20, growth >> 20);
        assertThat(growth).as("live heap growth in bytes").isLessThan(MAX_GROWTH);
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** {@code size} pseudo-random bytes (a random 1 MiB block repeated), hashed as they are handed out. */
    private static final class GeneratedContent extends InputStream {
        private static final byte[] BLOCK = new byte[1 << 20];

        static {
            new Random(42).nextBytes(BLOCK);
        }

        private final MessageDigest digest;
        private long remaining;

        GeneratedContent(long size, MessageDigest digest) {
            this.remaining = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read in blocks");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            long position = SIZE - remaining;
            int blockOffset = (int) (position % BLOCK.length);
            int n = (int) Math.min(Math.min(length, remaining), BLOCK.length - blockOffset);
            System.arraycopy(BLOCK, blockOffset, buffer, offset, n);
            digest.update(buffer, offset, n);
            remaining -= n;
            return n;
        }
    }
}
