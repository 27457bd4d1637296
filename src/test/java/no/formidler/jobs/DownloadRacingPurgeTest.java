package no.formidler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** A purge never serves a half-deleted file: a download under way finishes, a later one is refused. */
class DownloadRacingPurgeTest extends LifecycleJobsTest {
    /** Larger than the socket buffers, so the broker is still reading the file when the purge runs. */
    private static final int SIZE = 32 * 1024 * 1024;

    @Test
    void aDownloadUnderWayFinishesAndOneStartedAfterThePurgeGets403() throws Exception {
        Scenario s = scenario().ready("{\"fileTransferTimeToLive\":\"PT1H\"}");
        byte[] content = new byte[SIZE];
        new Random(6).nextBytes(content);
        String id = s.publish(content);

        HttpResponse<InputStream> running = s.client.send(
                s.client.request("/broker/api/v1/filetransfer/" + id + "/download", s.recipient1Token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(running.statusCode()).isEqualTo(200);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long total;
        try (InputStream body = running.body()) {
            byte[] first = body.readNBytes(64 * 1024);
            received.update(first);
            total = first.length;

            advanceAndAwaitPurge(id, Duration.ofMinutes(61));
            var later = s.download(id, s.recipient2Token);
            assertThat(later.status()).isEqualTo(403);
            assertThat(later.json().get("code").asString()).isEqualTo("BRO-00007");

            byte[] buffer = new byte[256 * 1024];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                received.update(buffer, 0, n);
                total += n;
            }
        }
        assertThat(total).isEqualTo(SIZE);
        assertThat(received.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(s.status(id)).isEqualTo("Purged");
    }
}
