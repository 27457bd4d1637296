package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** Issue 17, finding 9: a confirm retried after the last confirmation (AllConfirmedDownloaded) is still 204. */
class ConfirmRetryTest extends ApiTest {
    @Test
    void aRetriedConfirmAfterAllConfirmedDownloadedIsIdempotent() {
        Scenario s = scenario().ready("{\"purgeFileTransferAfterAllRecipientsConfirmed\":false}");
        String id = s.initialize("", List.of(s.recipient1));
        assertThat(s.upload(id, "x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(s.download(id, s.recipient1Token).status()).isEqualTo(200);
        assertThat(s.confirm(id, s.recipient1Token).status()).isEqualTo(204);
        assertThat(s.status(id)).isEqualTo("AllConfirmedDownloaded");

        var retried = s.confirm(id, s.recipient1Token);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(204);
        assertThat(s.status(id)).isEqualTo("AllConfirmedDownloaded");
    }
}
