package no.formidler.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** Issue 17, finding 9: HEAD tells the size without counting as a download, so it cannot be confirmed on. */
class HeadDownloadTest extends ApiTest {
    @Test
    void headAnswersTheHeadersButRecordsNoDownloadStarted() {
        Scenario s = scenario().ready();
        String id = s.publish("twelve bytes".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> head = client.send(client.request("/broker/api/v1/filetransfer/" + id + "/download", s.recipient1Token)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("12");
        assertThat(s.confirm(id, s.recipient1Token).status()).as("no download was started").isEqualTo(400);
        var details = s.details(id, s.senderToken).json();
        assertThat(details.toString()).doesNotContain("DownloadStarted");
    }
}
