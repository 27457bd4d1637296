package no.formidler.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** Cross-cutting HTTP rules of the reference (docs/compatibility.md §2) and the health endpoint. */
class HttpConventionsTest extends ApiTest {

    @Test
    void anUnsupportedAcceptHeaderIs406EvenBeforeAuthentication() {
        var response = client.postJson("/broker/api/v1/filetransfer", null, "{}", "Accept", "application/octet-stream");
        assertThat(response.status()).isEqualTo(406);
        assertThat(response.body()).isEqualTo("This endpoint does not support the requested Accept header. "
                + "Supported Accept headers are: application/json, */*.");
    }

    @Test
    void acceptHeadersWithQualitiesAndWildcardsPass() {
        Scenario s = scenario().ready();
        var withQualities = client.get("/broker/api/v1/filetransfer?resourceId=" + s.resourceId, s.senderToken,
                "Accept", "text/plain;q=0.9, application/json;q=0.5");
        assertThat(withQualities.status()).isEqualTo(200);
        assertThat(client.get("/broker/api/v1/filetransfer?resourceId=" + s.resourceId, s.senderToken, "Accept", "*/*").status())
                .isEqualTo(200);
        assertThat(client.get("/broker/api/v1/filetransfer?resourceId=" + s.resourceId, s.senderToken,
                "Accept", "application/*").status()).as("wildcard subtypes are not honoured, as in the reference").isEqualTo(406);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (var response : java.util.List.of(client.get("/health", null), client.get("/broker/api/v1/filetransfer", null),
                client.get("/broker/api/v1/nope", Scenario.randomOrg()))) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void problemDetailsCarryTheCallersTraceIdOnce() {
        Scenario s = scenario().ready();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var response = client.get("/broker/api/v1/filetransfer/00000000-0000-0000-0000-000000000000", s.senderToken,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(response.status()).isEqualTo(404);
        var body = response.json();
        assertThat(body.get("type").asString()).isEqualTo("https://tools.ietf.org/html/rfc9110#section-15.5.5");
        assertThat(body.get("title").asString()).isEqualTo("Not Found");
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("detail").asString()).isEqualTo("The requested file transfer was not found");
        assertThat(body.get("code").asString()).isEqualTo("BRO-00001");
        // W3C id of the broker's own span in the caller's trace, as .NET's Activity.Id
        assertThat(body.get("traceId").asString()).matches("00-" + traceId + "-[0-9a-f]{16}-00")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(response.body().split("traceId", -1)).hasSize(2);
    }

    @Test
    void badPathValuesAndMethodsAreProblemsNot500() {
        Scenario s = scenario().ready();
        var badGuid = client.get("/broker/api/v1/filetransfer/not-a-guid", s.senderToken);
        assertThat(badGuid.status()).isEqualTo(400);
        assertThat(badGuid.json().get("errors").has("fileTransferId")).isTrue();
        var method = client.send(client.request("/broker/api/v1/filetransfer", s.senderToken).DELETE().build());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("status").asInt()).isEqualTo(405);
    }

    @Test
    void healthAnswersWithoutAToken() {
        var health = client.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("Environment properly configured");
    }
}
