package no.formidler.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import no.formidler.testsupport.ClamdProcess;
import no.formidler.testsupport.ClamdScanningApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** A resumable (TUS) upload is never published unscanned: its stored file is scanned in the background. */
class TusScanningTest extends ClamdScanningApiTest {
    private static final String TUS = "/broker/api/v1/filetransfer/upload/tus/";

    private String uploadOverTus(Scenario s, byte[] content) {
        String id = s.initialize();
        var created = client.post(TUS + id, s.senderToken, HttpRequest.BodyPublishers.noBody(),
                "Tus-Resumable", "1.0.0", "Upload-Length", Integer.toString(content.length));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var patched = client.send(client.request(created.header("Location"), s.senderToken, "Tus-Resumable", "1.0.0",
                        "Upload-Offset", "0", "Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(content)).build());
        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        return id;
    }

    @Test
    void aCleanTusUploadIsPublishedOnlyAfterItsScan() throws Exception {
        Scenario s = scenario().ready();
        String id = uploadOverTus(s, "a clean resumable upload".getBytes(StandardCharsets.UTF_8));
        await("publication after the background scan", () -> s.status(id).equals("Published"));
        var details = s.details(id, s.senderToken).json();
        assertThat(details.get("fileTransferStatusHistory").findValuesAsString("fileTransferStatus"))
                .containsSubsequence("UploadStarted", "UploadProcessing", "Published");
        assertThat(details.get("malwareScans").get(0).get("verdict").asString()).isEqualTo("Clean");
        assertThat(s.download(id, s.recipient1Token).body()).isEqualTo("a clean resumable upload");
    }

    @Test
    void anInfectedTusUploadFailsAndIsNeverServed() throws Exception {
        Scenario s = scenario().ready();
        String id = uploadOverTus(s, ClamdProcess.EICAR.getBytes(StandardCharsets.US_ASCII));
        await("the infected upload's failure", () -> s.status(id).equals("Failed"));
        assertThat(s.download(id, s.recipient1Token).status()).isEqualTo(403);
    }
}
