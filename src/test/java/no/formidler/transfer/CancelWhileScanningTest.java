package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.WebhookScanningApiTest;
import org.junit.jupiter.api.Test;

/** A transfer waiting for its malware verdict can be withdrawn; a verdict arriving after changes nothing. */
class CancelWhileScanningTest extends WebhookScanningApiTest {

    @Test
    void aTransferInUploadProcessingIsCancelledAndALateCleanVerdictIsIgnored() {
        Scenario s = scenario().ready();
        String id = s.initialize();
        assertThat(s.upload(id, "awaiting its scan".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(s.status(id)).isEqualTo("UploadProcessing");

        var cancelled = s.client.postJson("/broker/api/v1/filetransfer/" + id + "/cancel", s.senderToken,
                "{\"reason\":\"Withdrawn during the scan\"}");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        var verdict = s.client.postJson("/broker/api/v1/webhooks/malwarescanresults", null, """
                [{"id":"%s","subject":"storageAccounts/acct/containers/brokerfiles/blobs/%s",
                  "eventType":"Microsoft.Security.MalwareScanningResult","eventTime":"2026-11-25T10:00:00.000Z",
                  "dataVersion":"1.0","metadataVersion":"1","topic":"/subscriptions/x/malware-scan-event-topic",
                  "data":{"correlationId":"%s","blobUri":"https://acct.blob.core.windows.net/brokerfiles/%s",
                    "eTag":"0x8DC","scanFinishedTimeUtc":"2026-11-25T10:00:01.000Z","scanResultType":"No threats found",
                    "scanResultDetails":{"malwareNamesFound":[],"sha256":null}}}]"""
                .formatted(UUID.randomUUID(), id, UUID.randomUUID(), id), SECRET_HEADER, SECRET);
        assertThat(verdict.status()).isLessThan(500);
        assertThat(s.status(id)).isEqualTo("Cancelled");
        assertThat(s.download(id, s.recipient1Token).status()).isEqualTo(403);
    }
}
