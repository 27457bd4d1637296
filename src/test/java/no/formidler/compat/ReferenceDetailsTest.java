package no.formidler.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Small things a client may parse: timestamps, the checksum before upload, the trace id, titles and messages.
 */
class ReferenceDetailsTest extends ApiTest {
    private static final String API = "/broker/api/v1";

    @Test
    void theOverviewWritesTimestampsAndTheChecksumAsTheReferenceDoes() {
        Scenario s = scenario().ready();
        String id = s.initialize();
        JsonNode overview = s.overview(id, s.senderToken).json();
        assertThat(overview.get("checksum").asString()).as("omitted at initialize, not yet uploaded").isEmpty();
        String timestamp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{0,6}[1-9])?\\+00:00";
        assertThat(overview.get("created").asString()).matches(timestamp);
        assertThat(overview.get("expirationTime").asString()).matches(timestamp);
        assertThat(overview.get("recipients").get(0).get("currentRecipientFileTransferStatusChanged").asString())
                .matches(timestamp);
        JsonNode details = s.details(id, s.senderToken).json();
        assertThat(details.get("fileTransferStatusHistory").get(0).get("fileTransferStatusChanged").asString())
                .matches(timestamp);
    }

    @Test
    void problemDetailsCarryTheW3cActivityIdAndTheReferencesTitlesAndMessages() {
        Scenario s = scenario().ready();
        String id = s.publish("0123456789".getBytes(StandardCharsets.UTF_8));
        var range = s.download(id, s.recipient1Token, "Range", "bytes=100-");
        assertThat(range.status()).isEqualTo(416);
        assertThat(range.json().get("title").asString()).isEqualTo("Range Not Satisfiable");
        assertThat(range.json().get("traceId").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");

        var missing = client.postJson(API + "/filetransfer", s.senderToken, s.initializeJson("a", List.of(s.recipient1), "")
                .replace("\"sendersFileTransferReference\":\"ref-1\",", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get("sendersFileTransferReference").get(0).asString()).isEqualTo(
                "The field SendersFileTransferReference must be a string with a minimum length of 1 and a maximum length of 4096.");
    }
}
