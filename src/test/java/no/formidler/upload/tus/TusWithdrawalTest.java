package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.SlowRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A resumable upload ends with its transfer's withdrawal: no further PATCH, and its stored parts are discarded. */
class TusWithdrawalTest extends ApiTest {
    @Autowired
    TusExpiry expiry;

    private static long storedBytes(Scenario s, String id) throws IOException {
        Path root = DATA_DIR.resolve("blobs");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().contains(id)).count();
        }
    }

    @Test
    void aCancelledTransferTakesNoFurtherPatchAndItsPartsAreDiscarded() throws Exception {
        Scenario s = scenario().ready();
        TusRequests tus = new TusRequests(client, s.senderToken);
        String id = s.initialize();
        String url = TusRequests.BASE + "/" + id;
        assertThat(tus.create(id, 10).status()).isEqualTo(201);
        assertThat(tus.patch(url, 0, "abcd".getBytes()).status()).isEqualTo(204);
        assertThat(storedBytes(s, id)).as("the first chunk is stored").isPositive();

        var cancelled = client.postJson("/broker/api/v1/filetransfer/" + id + "/cancel", s.senderToken, null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);

        var refused = tus.patch(url, 4, "efgh".getBytes());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(expiry.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(storedBytes(s, id)).as("the parts are discarded").isZero();
        assertThat(tus.head(url).status()).isIn(404, 409);
        assertThat(s.status(id)).isEqualTo("Cancelled");
    }

    @Test
    void aPatchStreamingWhenTheTransferIsWithdrawnIsStoppedMidChunk() throws Exception {
        long length = 16L * 1024 * 1024;
        Scenario s = scenario().ready("{\"maxFileTransferSize\":" + (2 * length) + "}");
        TusRequests tus = new TusRequests(client, s.senderToken);
        String id = s.initialize();
        String url = TusRequests.BASE + "/" + id;
        assertThat(tus.create(id, length).status()).isEqualTo(201);
        // 32 KiB every 50 ms: the chunk would take about 26 s.
        try (SlowRequest patch = SlowRequest.start(port, """
                PATCH %s HTTP/1.1\r
                Host: 127.0.0.1:%d\r
                Authorization: Bearer %s\r
                Tus-Resumable: 1.0.0\r
                Upload-Offset: 0\r
                Content-Type: application/offset+octet-stream""".formatted(url, port, s.senderToken),
                length, 32 * 1024, Duration.ofMillis(50))) {
            while (patch.sent() < 512 * 1024) {
                Thread.sleep(20);
            }
            long cancelledAt = System.nanoTime();
            var cancelled = client.postJson("/broker/api/v1/filetransfer/" + id + "/cancel", s.senderToken, null);
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
            String head = patch.readHead();
            Duration answeredAfter = Duration.ofNanos(System.nanoTime() - cancelledAt);

            assertThat(head).startsWith("HTTP/1.1 409");
            assertThat(answeredAfter).as("answered within a few looks after the withdrawal").isLessThan(Duration.ofSeconds(5));
            assertThat(patch.sent()).as("long before the chunk's end").isLessThan(length / 2);
            assertThat(patch.readSmallBody()).contains("BRO-02002");
        }
        assertThat(expiry.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(storedBytes(s, id)).as("the parts are discarded").isZero();
    }
}
