package no.formidler.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 9: a caller without access to the resource is refused before the multipart body is read, not
 * after Tomcat has spooled all of it to disk.
 */
class MultipartAccessFirstTest extends ApiTest {
    private static final int FILE_SIZE = 64 * 1024 * 1024;

    @Test
    void aCallerWithoutAccessIsRefusedBeforeTheBodyIsRead() throws Exception {
        Scenario s = scenario().ready();
        String boundary = "formidler-" + System.nanoTime();
        String head = field(boundary, "Metadata.FileName", "big.bin")
                + field(boundary, "Metadata.ResourceId", s.resourceId)
                + field(boundary, "Metadata.SendersFileTransferReference", "big-ref")
                + field(boundary, "Metadata.Sender", "0192:" + s.sender)
                + field(boundary, "Metadata.Recipients", "0192:" + s.recipient1)
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"FileTransfer\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        long length = head.getBytes(StandardCharsets.UTF_8).length + FILE_SIZE + tail.length();
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /broker/api/v1/filetransfer/upload HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Authorization: Bearer " + s.outsiderToken + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: " + length + "\r\n\r\n" + head).getBytes(StandardCharsets.UTF_8));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    for (long left = FILE_SIZE; left > 0; left -= chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, left));
                        sent.addAndGet(chunk.length);
                    }
                    out.write(tail.getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closedByTheServer) {
                    // expected: the broker answers and closes instead of reading the rest
                }
            });
            writer.start();
            String answer = firstLine(socket.getInputStream());
            long sentWhenAnswered = sent.get();
            String rest = rest(socket);
            assertThat(answer).as(rest).startsWith("HTTP/1.1 401");
            assertThat(sentWhenAnswered).as("file bytes sent before the refusal arrived")
                    .isLessThan(FILE_SIZE / 4);
            writer.join(30_000);
            assertThat(sent.get()).as("file bytes the client could send in all").isLessThan(FILE_SIZE / 2);
        }
        assertThat(client.get("/broker/api/v1/filetransfer?resourceId=" + s.resourceId, s.senderToken).body()).isEqualTo("[]");
    }

    private static String field(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    /** What else of the answer arrives within a second (the connection may stay open). */
    private static String rest(Socket socket) throws IOException {
        socket.setSoTimeout(1_000);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            for (int b; (b = socket.getInputStream().read()) >= 0; ) {
                text.write(b);
            }
        } catch (java.net.SocketTimeoutException | java.net.SocketException endOfAnswer) {
            // the answer is complete, or the broker closed the connection after it
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).trim();
    }
}
