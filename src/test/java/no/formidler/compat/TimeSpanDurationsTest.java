package no.formidler.compat;

import static org.assertj.core.api.Assertions.assertThat;

import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Resource durations read back as the reference writes them: .NET TimeSpan text.
 */
class TimeSpanDurationsTest extends ApiTest {
    private static final String API = "/broker/api/v1";

    @Test
    void durationsAreReadBackAsTimeSpanTextAndTimeSpanTextIsTakenOnPut() {
        Scenario s = scenario().ready("{\"fileTransferTimeToLive\":\"P30D\",\"purgeFileTransferGracePeriod\":\"PT120M\"}");
        JsonNode settings = client.get(API + "/resource/" + s.resourceId, s.ownerToken).json();
        assertThat(settings.get("fileTransferTimeToLive").asString()).isEqualTo("30.00:00:00");
        assertThat(settings.get("purgeFileTransferGracePeriod").asString()).isEqualTo("02:00:00");

        // A client that PUTs back what it read.
        assertThat(client.putJson(API + "/resource/" + s.resourceId, s.ownerToken,
                "{\"fileTransferTimeToLive\":\"1.12:30:00\",\"purgeFileTransferGracePeriod\":\"00:00:01.5\"}").status())
                .isEqualTo(204);
        settings = client.get(API + "/resource/" + s.resourceId, s.ownerToken).json();
        assertThat(settings.get("fileTransferTimeToLive").asString()).isEqualTo("1.12:30:00");
        assertThat(settings.get("purgeFileTransferGracePeriod").asString()).isEqualTo("00:00:01.5000000");
        assertThat(client.putJson(API + "/resource/" + s.resourceId, s.ownerToken,
                "{\"fileTransferTimeToLive\":\"1.25:00:00\"}").json().get("code").asString()).isEqualTo("BRO-00014");
    }
}
