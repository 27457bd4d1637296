package no.formidler.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A streamed upload is stopped as soon as its transfer is withdrawn: the uploader is answered while its body is still
 * on the way, and nothing of it stays stored. Over a real socket, with a body sent at a fixed, slow pace.
 */
class StreamedUploadWithdrawalTest extends ApiTest {
    private static final int SLICE = 32 * 1024;
    private static final long BODY = 16L * 1024 * 1024;
    /** 32 KiB every 50 ms: 640 KiB/s, so the whole body would take about 26 s. */
    private static final Duration PACE = Duration.ofMillis(50);

    @Test
    void aWithdrawalStopsAStreamingUploadMidBodyAnswers409AndLeavesNoBytes() throws Exception {
        Scenario s = scenario().ready("{\"maxFileTransferSize\":" + (2 * BODY) + "}");
        String id = s.initialize();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            AtomicLong sent = new AtomicLong();
            Thread sender = slowBody(socket.getOutputStream(), """
                    POST /broker/api/v1/filetransfer/%s/upload HTTP/1.1\r
                    Host: 127.0.0.1:%d\r
                    Authorization: Bearer %s\r
                    Content-Type: application/octet-stream\r
                    Content-Length: %d\r
                    \r
                    """.formatted(id, port, s.senderToken, BODY), sent);
            while (!s.status(id).equals("UploadStarted") || sent.get() < 512 * 1024) {
                Thread.sleep(20);
            }

            long cancelledAt = System.nanoTime();
            var cancel = s.client.postJson("/broker/api/v1/filetransfer/" + id + "/cancel", s.senderToken, null);
            assertThat(cancel.status()).as(cancel.toString()).isEqualTo(204);
            String head = readHead(socket.getInputStream());
            Duration answeredAfter = Duration.ofNanos(System.nanoTime() - cancelledAt);
            long sentWhenAnswered = sent.get();
            sender.interrupt();
            System.out.printf("withdrawn upload answered %d ms after the cancel, with %d of %d bytes sent%n",
                    answeredAfter.toMillis(), sentWhenAnswered, BODY);

            assertThat(head).startsWith("HTTP/1.1 409");
            assertThat(answeredAfter).as("answered within a few looks after the withdrawal").isLessThan(Duration.ofSeconds(5));
            assertThat(sentWhenAnswered).as("long before the body's end").isLessThan(BODY / 2);
            String problem = readBody(socket.getInputStream());
            assertThat(problem).contains("BRO-02002", "cancelled while its file was being uploaded");
        }
        assertThat(s.status(id)).isEqualTo("Cancelled");
        assertThat(storedFiles(s, id)).as("the streamed bytes are deleted").isEmpty();
    }

    /** Writes the head, then the body slice by slice at {@link #PACE} until it ends or the server stops reading. */
    private static Thread slowBody(OutputStream out, String head, AtomicLong sent) {
        Thread thread = new Thread(() -> {
            byte[] slice = new byte[SLICE];
            try {
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                while (sent.get() < BODY) {
                    out.write(slice);
                    out.flush();
                    sent.addAndGet(SLICE);
                    Thread.sleep(PACE.toMillis());
                }
            } catch (IOException | InterruptedException stopped) {
                // the server answered and closed, or the test is done
            }
        }, "slow-upload-body");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Enough of the body to hold the problem's JSON (it is small, and sent whole right after the head). */
    private static String readBody(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int n = in.read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }
}
