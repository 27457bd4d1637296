package no.formidler.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A trailing slash is no different path (the reference's routing ignores it): eFormidling's integrasjonspunkt
 * initializes with {@code POST /broker/api/v1/filetransfer/}. Unknown routes answer problem details.
 */
class TrailingSlashTest extends ApiTest {
    private static final String API = "/broker/api/v1";

    @Test
    void eFormidlingInitializesWithATrailingSlashAndRunsItsWholeFlow() {
        Scenario s = scenario().ready();
        // integrasjonspunkt: restClient.post().uri(brokerServiceUrl + "/filetransfer/"), its generated model with nulls
        var init = client.postJson(API + "/filetransfer/", s.senderToken, """
                {"fileName":"dpo.zip","resourceId":"%s","sendersFileTransferReference":"%s","sender":"0192:%s",
                 "recipients":["0192:%s"],"propertyList":{},"checksum":null,"disableVirusScan":null}"""
                .formatted(s.resourceId, UUID.randomUUID(), s.sender, s.recipient1), "Accept", "application/json");
        assertThat(init.status()).as(init.toString()).isEqualTo(200);
        String id = init.json().get("fileTransferId").asString();

        var upload = client.post(API + "/filetransfer/" + id + "/upload", s.senderToken,
                HttpRequest.BodyPublishers.ofString("DPO payload"), "Accept", "application/json",
                "Content-Type", "application/octet-stream");
        assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
        var available = client.get(API + "/filetransfer?resourceId=" + s.resourceId
                + "&status=Published&recipientStatus=Initialized", s.recipient1Token, "Accept", "application/json");
        assertThat(available.json().toString()).contains(id);
        assertThat(s.download(id, s.recipient1Token).body()).isEqualTo("DPO payload");
        assertThat(client.postJson(API + "/filetransfer/" + id + "/confirmdownload", s.recipient1Token, null,
                "Accept", "application/json").status()).isEqualTo(204);
    }

    @Test
    void theSlashFormOfEveryGuardedRouteIsRefusedExactlyLikeThePlainForm() {
        Scenario s = scenario().ready();
        String id = s.publish("x".getBytes(StandardCharsets.UTF_8));
        String readOnly = s.recipient1Token;
        Map<String, HttpRequest.Builder> routes = new LinkedHashMap<>();
        routes.put("tus create", client.request(API + "/filetransfer/upload/tus/" + id, readOnly, "Tus-Resumable", "1.0.0",
                "Upload-Length", "1").POST(HttpRequest.BodyPublishers.noBody()));
        routes.put("approval", client.request(API + "/resource/" + s.resourceId + "/approval", s.ownerToken,
                "Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"approvedForDisabledVirusScan\":true}")));
        routes.put("monthly statistics", client.request(API + "/statistics/monthly?year=2026&month=1", s.senderToken).GET());
        routes.put("daily summary", client.request(API + "/statistics/generate-daily-summary", s.ownerToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
        routes.put("subscriptions", client.request("/events/api/v1/subscriptions", s.senderToken).GET());
        routes.put("event feed", client.request("/events/api/v1/events?resource=urn:altinn:resource:" + s.resourceId,
                s.senderToken).GET());
        routes.forEach((name, request) -> {
            var plain = client.send(request.copy().build());
            var slashed = client.send(request.copy().uri(java.net.URI.create(withSlash(request.build().uri().toString()))).build());
            assertThat(plain.status()).as(name).isEqualTo(403);
            assertThat(slashed.status()).as(name + " with a slash: " + slashed).isEqualTo(plain.status());
            assertThat(slashed.header("Content-Type")).as(name).startsWith("application/problem+json");
        });
    }

    @Test
    void anUnknownRouteIsAProblemWithoutTheFrameworksWords() {
        Scenario s = scenario().ready();
        var unknown = client.get(API + "/filetransfers", s.senderToken);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("title").asString()).isEqualTo("Not Found");
        assertThat(unknown.json().get("detail").asString()).isEqualTo("There is no endpoint at this path.");
        assertThat(unknown.body()).doesNotContainIgnoringCase("static resource");
        assertThat(client.get(API + "/filetransfers", null).status()).as("no token, no routing answer").isEqualTo(401);
    }

    private static String withSlash(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri + "/" : uri.substring(0, query) + "/" + uri.substring(query);
    }
}
