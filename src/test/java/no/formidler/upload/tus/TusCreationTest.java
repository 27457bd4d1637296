package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Base64;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OPTIONS and POST (discovery, creation, creation-with-upload): what a creation needs and what it starts. */
class TusCreationTest extends ApiTest {
    private Scenario s;
    private TusRequests tus;
    private String id;

    @BeforeEach
    void transfer() {
        s = scenario().ready("{\"maxFileTransferSize\":1000}");
        tus = new TusRequests(client, s.senderToken);
        id = s.initialize();
    }

    @Test
    void optionsAnnouncesVersionExtensionsChecksumsAndMaximum() {
        var response = tus.options(TusRequests.BASE + "/" + id);
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Tus-Resumable")).isEqualTo("1.0.0");
        assertThat(response.header("Tus-Version")).isEqualTo("1.0.0");
        assertThat(response.header("Tus-Extension"))
                .isEqualTo("creation,creation-with-upload,termination,checksum,concatenation,expiration");
        assertThat(response.header("Tus-Checksum-Algorithm")).isEqualTo("md5,sha1,sha256");
        assertThat(response.header("Tus-Max-Size")).isEqualTo("1677721600000");
        assertThat(tus.options(TusRequests.BASE).status()).isEqualTo(204);
    }

    @Test
    void creationAnswers201WithTheUploadUrlAndStartsTheUpload() {
        var response = tus.create(id, 100);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo(TusRequests.BASE + "/" + id);
        assertThat(response.header("Upload-Expires")).endsWith("GMT");
        assertThat(response.header("Tus-Resumable")).isEqualTo("1.0.0");
        assertThat(s.status(id)).isEqualTo("UploadStarted");
    }

    @Test
    void creationWithoutALengthOrWithADeferredOrBadOneIsRefusedWith400() {
        var missing = tus.post(TusRequests.BASE + "/" + id);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).isEqualTo("Header Upload-Length is required");
        var deferred = tus.post(TusRequests.BASE + "/" + id, "Upload-Defer-Length", "1");
        assertThat(deferred.status()).isEqualTo(400);
        assertThat(deferred.json().get("detail").asString()).isEqualTo("Upload-Defer-Length is not supported");
        assertThat(tus.post(TusRequests.BASE + "/" + id, "Upload-Length", "-5").status()).isEqualTo(400);
        assertThat(s.status(id)).isEqualTo("Initialized");
    }

    @Test
    void aLengthAboveTheResourceMaximumIsRefusedBeforeAnyByteWithBro00016() {
        var response = tus.create(id, 1001);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("BRO-00016");
        assertThat(s.status(id)).isEqualTo("Initialized");
    }

    @Test
    void metadataIsCheckedAndEchoedByHead() {
        String metadata = "filename " + Base64.getEncoder().encodeToString("a.txt".getBytes()) + ",confidential";
        assertThat(tus.create(id, 10, "Upload-Metadata", metadata).status()).isEqualTo(201);
        assertThat(tus.head(TusRequests.BASE + "/" + id).header("Upload-Metadata")).isEqualTo(metadata);
        assertThat(tus.create(id, 10, "Upload-Metadata", "filename not*base64").status()).isEqualTo(400);
    }

    @Test
    void creationWithUploadStoresTheBodyAsTheFirstChunk() {
        var response = tus.raw("POST", TusRequests.BASE + "/" + id, HttpRequest.BodyPublishers.ofString("hello"),
                "Tus-Resumable", "1.0.0", "Upload-Length", "8", "Content-Type", "application/offset+octet-stream");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Upload-Offset")).isEqualTo("5");
        assertThat(tus.patch(TusRequests.BASE + "/" + id, 5, "abc".getBytes()).status()).isEqualTo(204);
        assertThat(s.download(id, s.recipient1Token).body()).isEqualTo("helloabc");
    }

    @Test
    void aZeroLengthUploadIsPublishedAtOnce() {
        assertThat(tus.create(id, 0).status()).isEqualTo(201);
        assertThat(s.status(id)).isEqualTo("Published");
    }

    @Test
    void aSecondCreationRestartsTheUploadFromZero() {
        tus.create(id, 10);
        tus.patch(TusRequests.BASE + "/" + id, 0, "abc".getBytes());
        assertThat(tus.create(id, 4).status()).isEqualTo(201);
        var head = tus.head(TusRequests.BASE + "/" + id);
        assertThat(head.header("Upload-Offset")).isEqualTo("0");
        assertThat(head.header("Upload-Length")).isEqualTo("4");
    }

    @Test
    void anUnknownTransferIsNotFoundAndAMalformedIdIsAMissingTransferId() {
        var unknown = tus.create(java.util.UUID.randomUUID().toString(), 10);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("BRO-00001");
        var malformed = tus.create("not-a-guid", 10);
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().get("detail").asString()).isEqualTo("Missing file transfer id");
        assertThat(tus.post(TusRequests.BASE, "Upload-Length", "1").status()).isEqualTo(404);
    }

    @Test
    void aTransferThatIsAlreadyPublishedRefusesANewUploadWithBro00004() {
        String published = s.publish("done".getBytes());
        var response = tus.create(published, 10);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("BRO-00004");
    }
}
