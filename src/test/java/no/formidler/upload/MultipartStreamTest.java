package no.formidler.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Initialize-and-upload read as a stream (issue 17, finding 9): the order the body must have, its limits, a body
 * that breaks off, and the connection after an answer. The refused caller is {@link MultipartAccessFirstTest}.
 */
class MultipartStreamTest extends ApiTest {
    private static final String UPLOAD = "/broker/api/v1/filetransfer/upload";

    @Test
    void aFilePartBeforeTheMetadataIsA400AndCreatesNothing() {
        Scenario s = scenario().ready();
        String b = "file-first";
        String body = file(b, "early") + metadata(s, b) + "--" + b + "--\r\n";
        var response = post(s.senderToken, b, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get("FileTransfer").toString()).contains("must come after the Metadata fields");
        assertThat(transfers(s)).isEmpty();
    }

    @Test
    void aMissingFilePartIsA400AndCreatesNothing() {
        Scenario s = scenario().ready();
        String b = "no-file";
        var response = post(s.senderToken, b, metadata(s, b) + "--" + b + "--\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get("FileTransfer").toString()).contains("required");
        assertThat(transfers(s)).isEmpty();
    }

    @Test
    void aFieldOver64KiBIsA400AndCreatesNothing() {
        Scenario s = scenario().ready();
        String b = "big-field";
        String body = field(b, "Metadata.PropertyList[big]", "x".repeat(64 * 1024 + 1)) + metadata(s, b)
                + file(b, "content") + "--" + b + "--\r\n";
        var response = post(s.senderToken, b, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get("Metadata.PropertyList[big]").toString()).contains("64 KiB");
        assertThat(transfers(s)).isEmpty();
    }

    @Test
    void aQuotedBoundaryWithSpacesAndColonsIsRead() {
        Scenario s = scenario().ready();
        String b = "quoted: a boundary (with spaces)";
        var response = client.post(UPLOAD, s.senderToken, HttpRequest.BodyPublishers.ofString(
                        metadata(s, b) + file(b, "quoted content") + "--" + b + "--\r\n"),
                "Content-Type", "multipart/form-data; boundary=\"" + b + "\"");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String id = response.json().get("fileTransferId").asString();
        assertThat(s.status(id)).isEqualTo("Published");
        assertThat(s.download(id, s.recipient1Token).body()).isEqualTo("quoted content");
    }

    @Test
    void aBodyWithoutItsClosingBoundaryFailsTheTransferAndKeepsNoFile() throws Exception {
        Scenario s = scenario().ready();
        String b = "no-end";
        var response = post(s.senderToken, b, metadata(s, b) + file(b, "cut short").replaceAll("\r\n$", ""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get("body").toString()).contains("incomplete", "Failed");
        assertFailedWithoutFile(s);
    }

    @Test
    void aFileOverTheMaximumFailsTheTransferItInitializedAndKeepsNoFile() throws Exception {
        Scenario s = scenario().ready("{\"maxFileTransferSize\":1000}");
        String b = "too-big";
        var response = post(s.senderToken, b, metadata(s, b) + file(b, "x".repeat(5000)) + "--" + b + "--\r\n");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("BRO-00016");
        JsonNode ids = transfers(s);
        assertThat(ids).as("the limit is met after the transfer was initialized").hasSize(1);
        String id = ids.get(0).asString();
        assertThat(s.status(id)).isEqualTo("Failed");
        assertThat(s.overview(id, s.senderToken).json().get("fileTransferStatusText").asString())
                .isEqualTo("File size exceeds maximum");
        assertThat(storedFiles(s, id)).isEmpty();
    }

    @Test
    void aPartAfterTheFileFailsTheTransferAndKeepsNoFile() throws Exception {
        Scenario s = scenario().ready();
        String b = "two-files";
        var response = post(s.senderToken, b, metadata(s, b) + file(b, "first") + file(b, "second") + "--" + b + "--\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get("body").toString()).contains("must be the last part");
        assertFailedWithoutFile(s);
    }

    @Test
    void aClientThatStopsSendingMidFileLeavesAFailedTransferAndNoFile() throws Exception {
        Scenario s = scenario().ready();
        String b = "broken-off";
        String head = metadata(s, b) + "--" + b + "\r\nContent-Disposition: form-data; name=\"FileTransfer\"; "
                + "filename=\"f.bin\"\r\n\r\n";
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(request(s.senderToken, b, head.length() + 1_000_000L).getBytes(StandardCharsets.UTF_8));
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[100_000]);
            out.flush();
            socket.shutdownOutput();
            String answer = answer(socket.getInputStream());
            assertThat(answer).as("a clean answer (or none: the client is gone), never a 5xx")
                    .matches("(?s)(|HTTP/1\\.1 4.*)");
        }
        assertFailedWithoutFile(s);
    }

    @Test
    void theConnectionIsKeptAfterAnUploadAndClosedAfterAnEarlyAnswer() throws Exception {
        Scenario s = scenario().ready();
        String b = "keep-alive";
        String body = metadata(s, b) + file(b, "kept") + "--" + b + "--\r\n";
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((request(s.senderToken, b, body.length()) + body).getBytes(StandardCharsets.UTF_8));
            String first = answer(in);
            assertThat(first).startsWith("HTTP/1.1 200");
            assertThat(first.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
            out.write((request(s.outsiderToken, b, body.length()) + body).getBytes(StandardCharsets.UTF_8));
            String second = answer(in);
            assertThat(second).as("the same connection serves the next request").startsWith("HTTP/1.1 401");
        }
        try (Socket socket = connect()) {
            String head = metadata(s, b) + "--" + b + "\r\nContent-Disposition: form-data; name=\"FileTransfer\"\r\n\r\n";
            socket.getOutputStream().write((request(s.outsiderToken, b, head.length() + 10_000_000L) + head)
                    .getBytes(StandardCharsets.UTF_8));
            String refused = answer(socket.getInputStream());
            assertThat(refused).startsWith("HTTP/1.1 401").contains("BRO-00006").doesNotContain("\"timestamp\"");
            assertThat(refused.toLowerCase(Locale.ROOT)).as("the answer says so").contains("connection: close");
            assertThat(socket.getInputStream().read()).as("the unread body is not read: the connection ends").isEqualTo(-1);
        }
    }

    private void assertFailedWithoutFile(Scenario s) throws IOException {
        JsonNode ids = transfers(s);
        assertThat(ids).hasSize(1);
        String id = ids.get(0).asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!s.status(id).equals("Failed") && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        JsonNode overview = s.overview(id, s.senderToken).json();
        assertThat(overview.get("fileTransferStatus").asString()).isEqualTo("Failed");
        assertThat(overview.get("fileTransferStatusText").asString()).isEqualTo("File upload failed and was aborted");
        assertThat(storedFiles(s, id)).isEmpty();
        assertThat(s.download(id, s.recipient1Token).status()).isEqualTo(403);
    }

    private JsonNode transfers(Scenario s) {
        return client.get("/broker/api/v1/filetransfer?resourceId=" + s.resourceId, s.senderToken).json();
    }

    private BrokerClient.Response post(String token, String boundary, String body) {
        return client.post(UPLOAD, token, HttpRequest.BodyPublishers.ofString(body),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    private static String metadata(Scenario s, String b) {
        return field(b, "Metadata.FileName", "f.txt") + field(b, "Metadata.ResourceId", s.resourceId)
                + field(b, "Metadata.SendersFileTransferReference", "stream-ref")
                + field(b, "Metadata.Sender", "0192:" + s.sender) + field(b, "Metadata.Recipients[0]", "0192:" + s.recipient1);
    }

    private static String field(String b, String name, String value) {
        return "--" + b + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String file(String b, String content) {
        return "--" + b + "\r\nContent-Disposition: form-data; name=\"FileTransfer\"; filename=\"f.txt\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n";
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** The request line and headers of a multipart POST whose body (ASCII here) has {@code length} bytes. */
    private String request(String token, String boundary, long length) {
        return "POST " + UPLOAD + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + length + "\r\n\r\n";
    }

    /** One answer: its head and a Content-Length body. */
    private static String answer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.write(c);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = -1;
        boolean chunked = false;
        for (String line : text.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        if (!chunked) { // without a length the answer ends with the connection
            return text + new String(length < 0 ? in.readAllBytes() : in.readNBytes(length), StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size; (size = Integer.parseInt(line(in), 16)) > 0; line(in)) {
            body.writeBytes(in.readNBytes(size));
        }
        line(in);
        return text + body.toString(StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            line.write(c);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }
}
