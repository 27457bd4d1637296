package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole journey over real HTTP: a sender sends a file to two recipients; both download and confirm. */
class FileTransferJourneyTest extends ApiTest {

    @Test
    void senderSendsToTwoRecipientsWhoBothDownloadAndConfirm() throws Exception {
        Scenario s = scenario().ready("{\"maxFileTransferSize\":1000000,\"fileTransferTimeToLive\":\"P2D\"}");
        byte[] content = "The quarterly report, 41 bytes of text!!!".getBytes(StandardCharsets.UTF_8);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        String id = s.initialize("\"checksum\":\"" + md5 + "\",\"propertyList\":{\"case\":\"42\"}",
                List.of(s.recipient1, s.recipient2));
        JsonNode initialized = s.overview(id, s.senderToken).json();
        assertThat(initialized.get("fileTransferStatus").asString()).isEqualTo("Initialized");
        assertThat(initialized.get("fileTransferStatusText").asString()).isEqualTo("Ready for upload");
        assertThat(initialized.get("fileTransferSize").asLong()).isZero();
        assertThat(initialized.get("published").isNull()).isTrue();
        assertThat(initialized.get("propertyList").get("case").asString()).isEqualTo("42");

        assertThat(s.upload(id, content).json().get("fileTransferId").asString()).isEqualTo(id);

        JsonNode published = s.overview(id, s.recipient1Token).json();
        assertThat(published.get("fileTransferStatus").asString()).isEqualTo("Published");
        assertThat(published.get("fileTransferStatusText").asString()).isEqualTo("Ready for download");
        assertThat(published.get("fileTransferSize").asLong()).isEqualTo(content.length);
        assertThat(published.get("checksum").asString()).isEqualTo(md5);
        assertThat(published.get("sha256").asString()).isEqualTo(sha256);
        assertThat(published.get("published").isNull()).isFalse();
        assertThat(published.get("recipients")).hasSize(2);

        assertThat(s.client.get("/broker/api/v1/filetransfer?resourceId=" + s.resourceId, s.senderToken).json().toString())
                .contains(id);
        assertThat(s.client.get("/broker/api/v1/filetransfer?resourceId=" + s.resourceId + "&role=recipient",
                s.recipient2Token).json().toString()).contains(id);

        var whole = s.download(id, s.recipient1Token);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(new String(content, StandardCharsets.UTF_8));
        assertThat(whole.header("Content-Disposition")).contains("report.pdf");
        var part = s.download(id, s.recipient2Token, "Range", "bytes=4-13");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 4-13/41");
        assertThat(part.body()).isEqualTo("quarterly ");

        assertThat(s.confirm(id, s.recipient1Token).status()).isEqualTo(204);
        assertThat(s.status(id)).isEqualTo("Published");
        assertThat(s.confirm(id, s.recipient2Token).status()).isEqualTo(204);

        JsonNode details = s.details(id, s.senderToken).json();
        assertThat(details.get("fileTransferStatus").asString()).isEqualTo("AllConfirmedDownloaded");
        assertThat(details.get("fileTransferStatusText").asString()).isEqualTo("All downloaded");
        assertThat(details.get("fileTransferStatusHistory").findValuesAsString("fileTransferStatus"))
                .containsExactly("Initialized", "UploadStarted", "Published", "AllConfirmedDownloaded");
        assertThat(details.get("recipientFileTransferStatusHistory").findValuesAsString("recipientFileTransferStatusCode"))
                .containsExactlyInAnyOrder("Initialized", "Initialized", "DownloadStarted", "DownloadStarted",
                        "DownloadConfirmed", "DownloadConfirmed");
        assertThat(details.get("recipients").findValuesAsString("currentRecipientFileTransferStatusCode"))
                .containsOnly("DownloadConfirmed");
    }
}
