package no.formidler.upload;

import static no.formidler.testsupport.BrokerAssertions.assertBrokerError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** E2 and E3 (docs/compatibility.md §1) over HTTP: checksums, size limits, repeated and broken uploads. */
class UploadTest extends ApiTest {

    private static String md5(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }

    @Test
    void aMatchingChecksumPublishesAndIsKept() throws Exception {
        Scenario s = scenario().ready();
        byte[] content = "checksummed".getBytes(StandardCharsets.UTF_8);
        String id = s.initialize("\"checksum\":\"" + md5(content) + "\"", List.of(s.recipient1));
        assertThat(s.upload(id, content).status()).isEqualTo(200);
        var overview = s.overview(id, s.senderToken).json();
        assertThat(overview.get("fileTransferStatus").asString()).isEqualTo("Published");
        assertThat(overview.get("checksum").asString()).isEqualTo(md5(content));
    }

    @Test
    void aChecksumMismatchFailsTheTransferForGood() throws Exception {
        Scenario s = scenario().ready();
        String id = s.initialize("\"checksum\":\"" + md5("other".getBytes()) + "\"", List.of(s.recipient1));
        assertBrokerError(s.upload(id, "content".getBytes()), 400, "BRO-00009");
        var overview = s.overview(id, s.senderToken).json();
        assertThat(overview.get("fileTransferStatus").asString()).isEqualTo("Failed");
        assertThat(overview.get("fileTransferStatusText").asString()).isEqualTo("Checksum mismatch");
        assertBrokerError(s.upload(id, "content".getBytes()), 409, "BRO-00004");
        assertBrokerError(s.download(id, s.recipient1Token), 403, "BRO-00007");
        assertThat(storedFiles(s, id)).isEmpty();
    }

    @Test
    void aSecondUploadOfAPublishedTransferIsAConflict() {
        Scenario s = scenario().ready();
        String id = s.publish("first".getBytes());
        assertBrokerError(s.upload(id, "second".getBytes()), 409, "BRO-00004");
        assertThat(s.download(id, s.recipient1Token).body()).isEqualTo("first");
    }

    @Test
    void aDeclaredLengthOverTheMaximumIsRefusedBeforeAnyByteIsStored() {
        Scenario s = scenario().ready("{\"maxFileTransferSize\":10}");
        String id = s.initialize();
        assertBrokerError(s.upload(id, "eleven bytes".getBytes()), 400, "BRO-00016");
        assertThat(s.status(id)).isEqualTo("Initialized");
        assertThat(s.upload(id, "ten bytes!".getBytes()).status()).isEqualTo(200);
    }

    @Test
    void anUndeclaredLengthOverTheMaximumIsCountedAndNothingIsKept() throws Exception {
        Scenario s = scenario().ready("{\"maxFileTransferSize\":1000}");
        String id = s.initialize();
        var chunked = client.post("/broker/api/v1/filetransfer/" + id + "/upload", s.senderToken,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[5000])),
                "Content-Type", "application/octet-stream");
        assertBrokerError(chunked, 400, "BRO-00016");
        assertThat(s.status(id)).isEqualTo("Failed");
        assertThat(s.overview(id, s.senderToken).json().get("fileTransferStatusText").asString()).isEqualTo("File size exceeds maximum");
        assertThat(storedFiles(s, id)).isEmpty();
    }

    @Test
    void onlyOctetStreamBodiesAreAccepted() {
        Scenario s = scenario().ready();
        String id = s.initialize();
        var response = client.post("/broker/api/v1/filetransfer/" + id + "/upload", s.senderToken,
                HttpRequest.BodyPublishers.ofString("{}"), "Content-Type", "application/json");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("type").asString()).contains("rfc9110");
        var malformed = client.post("/broker/api/v1/filetransfer/" + id + "/upload", s.senderToken,
                HttpRequest.BodyPublishers.ofString("x"), "Content-Type", "not a media type");
        assertThat(malformed.status()).isEqualTo(415);
        assertThat(s.status(id)).isEqualTo("Initialized");
    }

    @Test
    void onlyTheSenderMayUpload() {
        Scenario s = scenario().ready();
        String id = s.initialize();
        var byOutsider = client.post("/broker/api/v1/filetransfer/" + id + "/upload", s.outsiderToken,
                HttpRequest.BodyPublishers.ofString("x"), "Content-Type", "application/octet-stream");
        assertBrokerError(byOutsider, 401, "BRO-00006");
        var byRecipient = client.post("/broker/api/v1/filetransfer/" + id + "/upload", s.recipient1Token,
                HttpRequest.BodyPublishers.ofString("x"), "Content-Type", "application/octet-stream");
        assertThat(byRecipient.status()).as("a read-only token lacks the write scope").isEqualTo(403);
        assertBrokerError(s.upload("00000000-0000-0000-0000-000000000000", "x".getBytes()), 404, "BRO-00001");
        assertThat(s.status(id)).isEqualTo("Initialized");
    }

    @Test
    void aClientThatDisconnectsMidUploadLeavesAFailedTransferAndNoFile() throws Exception {
        Scenario s = scenario().ready();
        String id = s.initialize();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /broker/api/v1/filetransfer/" + id + "/upload HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + s.senderToken + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[100_000]);
            out.flush();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!s.status(id).equals("Failed") && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        var overview = s.overview(id, s.senderToken).json();
        assertThat(overview.get("fileTransferStatus").asString()).isEqualTo("Failed");
        assertThat(overview.get("fileTransferStatusText").asString()).isEqualTo("File upload failed and was aborted");
        assertThat(storedFiles(s, id)).isEmpty();
        assertBrokerError(s.upload(id, "retry".getBytes()), 409, "BRO-00004");
        assertBrokerError(s.download(id, s.recipient1Token), 403, "BRO-00007");
    }

    @Test
    void initializeAndUploadInOneMultipartRequest() {
        Scenario s = scenario().ready();
        Multipart form = new Multipart()
                .field("Metadata.FileName", "form.txt")
                .field("Metadata.ResourceId", s.resourceId)
                .field("Metadata.SendersFileTransferReference", "form-ref")
                .field("Metadata.Sender", "0192:" + s.sender)
                .field("Metadata.Recipients[0]", "0192:" + s.recipient1)
                .field("metadata.recipients[1]", "0192:" + s.recipient2)
                .field("Metadata.PropertyList[Case]", "A-1")
                .field("Metadata.DisableVirusScan", "true")
                .file("FileTransfer", "form.txt", "multipart content".getBytes());
        var response = client.post("/broker/api/v1/filetransfer/upload", s.senderToken, form.publisher(),
                "Content-Type", form.contentType());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String id = response.json().get("fileTransferId").asString();
        var overview = s.overview(id, s.recipient2Token).json();
        assertThat(overview.get("fileTransferStatus").asString()).isEqualTo("Published");
        assertThat(overview.get("fileName").asString()).isEqualTo("form.txt");
        assertThat(overview.get("useVirusScan").asBoolean()).isFalse();
        assertThat(overview.get("propertyList").get("Case").asString()).isEqualTo("A-1");
        assertThat(s.download(id, s.recipient1Token).body()).isEqualTo("multipart content");
    }

    @Test
    void aMultipartRequestWithoutTheFileCreatesNothing() {
        Scenario s = scenario().ready();
        Multipart form = new Multipart()
                .field("Metadata.FileName", "form.txt")
                .field("Metadata.ResourceId", s.resourceId)
                .field("Metadata.SendersFileTransferReference", "form-ref")
                .field("Metadata.Sender", "0192:" + s.sender)
                .field("Metadata.Recipients", "0192:" + s.recipient1);
        var response = client.post("/broker/api/v1/filetransfer/upload", s.senderToken, form.publisher(),
                "Content-Type", form.contentType());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").toString()).contains("FileTransfer");
        assertThat(client.get("/broker/api/v1/filetransfer?resourceId=" + s.resourceId, s.senderToken).body()).isEqualTo("[]");
    }

    /** A multipart/form-data body, built by hand as a client library would send it. */
    static final class Multipart {
        private final String boundary = "formidler-" + System.nanoTime();
        private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            write("\r\n");
            return this;
        }

        HttpRequest.BodyPublisher publisher() {
            write("--" + boundary + "--\r\n");
            return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        private void write(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
