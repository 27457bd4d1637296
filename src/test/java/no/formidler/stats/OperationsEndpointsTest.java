package no.formidler.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** Metrics and probes as an operator scrapes them. */
class OperationsEndpointsTest extends ApiTest {

    private double metric(String scrape, String nameAndLabels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(nameAndLabels) + " ([0-9.E+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private String scrape() {
        var response = client.get("/actuator/prometheus", null);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    @Test
    void uploadedAndDownloadedBytesAndDurationsAreCounted() {
        Scenario s = scenario().ready();
        byte[] content = "eleven byte".getBytes(StandardCharsets.UTF_8);
        String before = scrape();

        String id = s.publish(content);
        assertThat(s.download(id, s.recipient1Token).status()).isEqualTo(200);
        assertThat(s.download(id, s.recipient2Token, "Range", "bytes=0-3").status()).isEqualTo(206);

        String after = scrape();
        // Other test classes share the broker, so compare differences of at least what this test moved.
        assertThat(metric(after, "formidler_upload_bytes_total") - metric(before, "formidler_upload_bytes_total"))
                .isGreaterThanOrEqualTo(11);
        assertThat(metric(after, "formidler_download_bytes_total") - metric(before, "formidler_download_bytes_total"))
                .isGreaterThanOrEqualTo(15);
        assertThat(metric(after, "formidler_upload_duration_seconds_count{kind=\"streamed\",outcome=\"success\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(metric(after, "formidler_download_duration_seconds_count{outcome=\"success\"}"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void transfersByStatusAndStuckTransfersAreGauges() {
        Scenario s = scenario().ready();
        s.publish("x".getBytes(StandardCharsets.UTF_8));

        String scrape = scrape();

        assertThat(metric(scrape, "formidler_transfers{status=\"Published\"}")).isGreaterThanOrEqualTo(1);
        assertThat(scrape).contains("formidler_transfers{status=\"Failed\"}").contains("formidler_transfers_stuck ");
    }

    @Test
    void readinessChecksTheDatabaseAndTheFileStoreAndLivenessIsUp() {
        var readiness = client.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().get("components").propertyNames()).contains("db", "blobStore", "readinessState");

        var liveness = client.get("/actuator/health/liveness", null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
    }

    /** Spring Security's per-filter observations are off (their cost: docs/benchmarks.md); the request metrics stay. */
    @Test
    void authenticatedRequestsAreTimedWithoutSecurityFilterObservations() {
        Scenario s = scenario().ready();
        s.publish("observed".getBytes(StandardCharsets.UTF_8));
        String scrape = scrape();
        assertThat(scrape).contains("http_server_requests_seconds_count");
        assertThat(scrape).doesNotContain("spring_security_");
    }
}
