package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** With {@code formidler.scan.type=none} (the standalone default) nothing waits for a scanner. */
class ScanningOffTest extends ApiTest {

    @Test
    void aCompleteUploadIsPublishedAtOnceAndTheScanWebhookIsNotThere() {
        Scenario s = scenario().ready();
        String id = s.publish("bytes".getBytes());

        assertThat(s.details(id, s.senderToken).json().get("malwareScans")).isEmpty();
        assertThat(s.client.postJson("/broker/api/v1/webhooks/malwarescanresults", null, "[]").status()).isEqualTo(404);
    }
}
