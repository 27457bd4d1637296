package no.formidler.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.SlowRequest;
import org.junit.jupiter.api.Test;

/**
 * A streamed upload is stopped as soon as its transfer is withdrawn: the uploader is answered while its body is still
 * on the way, and nothing of it stays stored. Over a real socket, with a body sent at a fixed, slow pace.
 */
class StreamedUploadWithdrawalTest extends ApiTest {
    private static final long BODY = 16L * 1024 * 1024;

    @Test
    void aWithdrawalStopsAStreamingUploadMidBodyAnswers409AndLeavesNoBytes() throws Exception {
        Scenario s = scenario().ready("{\"maxFileTransferSize\":" + (2 * BODY) + "}");
        String id = s.initialize();
        // 32 KiB every 50 ms: 640 KiB/s, so the whole body would take about 26 s.
        try (SlowRequest upload = SlowRequest.start(port, """
                POST /broker/api/v1/filetransfer/%s/upload HTTP/1.1\r
                Host: 127.0.0.1:%d\r
                Authorization: Bearer %s\r
                Content-Type: application/octet-stream""".formatted(id, port, s.senderToken),
                BODY, 32 * 1024, Duration.ofMillis(50))) {
            while (!s.status(id).equals("UploadStarted") || upload.sent() < 512 * 1024) {
                Thread.sleep(20);
            }

            long cancelledAt = System.nanoTime();
            var cancel = s.client.postJson("/broker/api/v1/filetransfer/" + id + "/cancel", s.senderToken, null);
            assertThat(cancel.status()).as(cancel.toString()).isEqualTo(204);
            String head = upload.readHead();
            Duration answeredAfter = Duration.ofNanos(System.nanoTime() - cancelledAt);
            long sentWhenAnswered = upload.sent();
            System.out.printf("withdrawn upload answered %d ms after the cancel, with %d of %d bytes sent%n",
                    answeredAfter.toMillis(), sentWhenAnswered, BODY);

            assertThat(head).startsWith("HTTP/1.1 409");
            assertThat(answeredAfter).as("answered within a few looks after the withdrawal").isLessThan(Duration.ofSeconds(5));
            assertThat(sentWhenAnswered).as("long before the body's end").isLessThan(BODY / 2);
            assertThat(upload.readSmallBody()).contains("BRO-02002", "cancelled while its file was being uploaded");
        }
        assertThat(s.status(id)).isEqualTo("Cancelled");
        assertThat(storedFiles(s, id)).as("the streamed bytes are deleted").isEmpty();
    }
}
