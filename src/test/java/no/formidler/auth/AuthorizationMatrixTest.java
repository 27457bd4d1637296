package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may call what: every endpoint against every kind of caller, over real HTTP. Each row gets a fresh cast (a
 * service owner with a resource, a sender, two recipients, an outsider, and a second service owner with its own
 * resource) and, for the transfer endpoints, its own published transfer. Every refused answer must be problem details
 * and must not mention the transfer (file name, reference, property values, parties).
 *
 * <p>401 without a code: no valid token. 403: valid token without the scope the route needs. 401 BRO-00006: valid token
 * and scope, but the caller does not act for a party with access. docs/security.md summarises this table.
 */
class AuthorizationMatrixTest extends ApiTest {

    // @formatter:off
    private static final String MATRIX = """
            endpoint              none expired untrusted wrongScope sender recipient1 recipient2 outsider senderSystemUser foreignSystemUser owner otherOwner
            initialize             401   401     401       403       200     403        403       401        200              401           403     403
            initializeAndUpload    401   401     401       403       200     403        403       401        200              401           403     403
            upload                 401   401     401       403       409     403        403       401        409              401           403     403
            overview               401   401     401       403       200     200        200       401        200              401           403     403
            details                401   401     401       403       200     200        200       401        200              401           403     403
            overviewOfUnknownId    401   401     401       403       404     404        404       404        404              404           403     403
            search                 401   401     401       403       200     200        200       401        200              401           403     403
            download               401   401     401       403       401     200        200       401        401              401           403     403
            confirmDownload        401   401     401       403       401     400        400       401        401              401           403     403
            receipts               401   401     401       403       200     200        200       401        200              401           403     403
            transferAudit          401   401     401       403       200     200        200       401        200              401           200     401
            latestCheckpoint       401   401     401       403       200     200        200       200        200              200           200     200
            cancel                 401   401     401       403       204     403        403       401        409              401           403     403
            getNotifications       401   401     401       403       200     200        200       200        200              200           403     403
            putNotifications       401   401     401       403       200     200        200       200        200              200           403     403
            configureResource      401   401     401       403       403     403        403       403        403              403           204     401
            getResource            401   401     401       403       403     403        403       403        403              403           200     401
            replacePolicy          401   401     401       403       403     403        403       403        403              403           200     401
            getPolicy              401   401     401       403       403     403        403       403        403              403           200     401
            replaceAccessList      401   401     401       403       403     403        403       403        403              403           200     401
            getAccessList          401   401     401       403       403     403        403       403        403              403           200     401
            registerServiceOwner   401   401     401       403       403     403        403       403        403              403           409     409
            getServiceOwner        401   401     401       403       403     403        403       403        403              403           200     200
            exchangeToken          401   401     401       200       200     200        200       200        200              200           200     200
            """;
    // @formatter:on

    private static final String FILE_NAME = "matrix-secret-report.pdf";
    private static final String PROPERTY_VALUE = "matrix-secret-property";

    /** The cast of one row. */
    private final class Cast {
        final Scenario s = scenario().ready();
        /** The client the row's requests go through (the setup always uses the plain one). */
        final BrokerClient api;
        final Scenario other = scenario().ready();
        final String reference = "matrix-ref-" + UUID.randomUUID();
        String transferId;

        Cast(BrokerClient api) {
            this.api = api;
        }

        String publishedTransfer() {
            if (transferId == null) {
                var init = s.client.postJson("/broker/api/v1/filetransfer", s.senderToken, initializeJson());
                assertThat(init.status()).as(init.toString()).isEqualTo(200);
                transferId = init.json().get("fileTransferId").asString();
                assertThat(s.upload(transferId, "secret".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
            }
            return transferId;
        }

        String initializeJson() {
            return """
                    {"fileName":"%s","resourceId":"%s","sendersFileTransferReference":"%s","sender":"0192:%s",
                     "recipients":["0192:%s","0192:%s"],"propertyList":{"case":"%s"}}"""
                    .formatted(FILE_NAME, s.resourceId, reference, s.sender, s.recipient1, s.recipient2, PROPERTY_VALUE);
        }

        /** What a refused caller must not learn. */
        List<String> secrets() {
            return List.of(FILE_NAME, reference, PROPERTY_VALUE, s.sender, s.recipient1, s.recipient2);
        }
    }

    private static final Map<String, Function<Cast, String>> CALLERS = new LinkedHashMap<>();
    private static final Map<String, BiFunction<Cast, String, BrokerClient.Response>> ENDPOINTS = new LinkedHashMap<>();

    static {
        String all = Scenario.WRITE + " " + Scenario.READ;
        CALLERS.put("none", c -> null);
        CALLERS.put("expired", c -> ISSUER.expired(c.s.sender, all));
        CALLERS.put("untrusted", c -> UNTRUSTED.enterprise(c.s.sender, all + " " + Scenario.SERVICE_OWNER));
        CALLERS.put("wrongScope", c -> ISSUER.enterprise(c.s.sender, "altinn:events.subscribe"));
        CALLERS.put("sender", c -> c.s.senderToken);
        CALLERS.put("recipient1", c -> c.s.recipient1Token);
        CALLERS.put("recipient2", c -> c.s.recipient2Token);
        CALLERS.put("outsider", c -> c.s.outsiderToken);
        CALLERS.put("senderSystemUser", c -> ISSUER.systemUser(c.s.sender, Scenario.randomOrg(), all));
        // A system user of another organisation, authenticated by the sender as vendor: vendors act for nobody.
        CALLERS.put("foreignSystemUser", c -> ISSUER.systemUser(c.s.outsider, c.s.sender, all));
        CALLERS.put("owner", c -> c.s.ownerToken);
        CALLERS.put("otherOwner", c -> c.other.ownerToken);

        String api = "/broker/api/v1";
        ENDPOINTS.put("initialize", (c, t) -> c.api.postJson(api + "/filetransfer", t, c.initializeJson()));
        ENDPOINTS.put("initializeAndUpload", AuthorizationMatrixTest::initializeAndUpload);
        ENDPOINTS.put("upload", (c, t) -> c.api.post(api + "/filetransfer/" + c.publishedTransfer() + "/upload", t,
                HttpRequest.BodyPublishers.ofString("more"), "Content-Type", "application/octet-stream"));
        ENDPOINTS.put("overview", (c, t) -> c.api.get(api + "/filetransfer/" + c.publishedTransfer(), t));
        ENDPOINTS.put("details", (c, t) -> c.api.get(api + "/filetransfer/" + c.publishedTransfer() + "/details", t));
        ENDPOINTS.put("overviewOfUnknownId", (c, t) -> c.api.get(api + "/filetransfer/" + UUID.randomUUID(), t));
        ENDPOINTS.put("search", (c, t) -> {
            c.publishedTransfer();
            return c.api.get(api + "/filetransfer?resourceId=" + c.s.resourceId, t);
        });
        ENDPOINTS.put("download", (c, t) -> c.api.get(api + "/filetransfer/" + c.publishedTransfer() + "/download", t));
        ENDPOINTS.put("confirmDownload", (c, t) -> c.api.postJson(
                api + "/filetransfer/" + c.publishedTransfer() + "/confirmdownload", t, null));
        ENDPOINTS.put("receipts", (c, t) -> c.api.get(api + "/filetransfer/" + c.publishedTransfer() + "/receipts", t));
        ENDPOINTS.put("transferAudit", (c, t) -> c.api.get(api + "/filetransfer/" + c.publishedTransfer() + "/audit", t));
        ENDPOINTS.put("latestCheckpoint", (c, t) -> c.api.get(api + "/audit/checkpoints/latest", t));
        // The sender's cancel succeeds; the sender's system user, coming after it, is let through to the 409.
        ENDPOINTS.put("cancel", (c, t) -> c.api.postJson(
                api + "/filetransfer/" + c.publishedTransfer() + "/cancel", t, null));
        // Notification settings are the caller's own organisation's: anyone who sends or receives has some.
        ENDPOINTS.put("getNotifications", (c, t) -> c.api.get(api + "/notifications/settings", t));
        ENDPOINTS.put("putNotifications", (c, t) -> c.api.putJson(api + "/notifications/settings", t,
                "{\"language\":\"en\",\"addresses\":[]}"));
        ENDPOINTS.put("configureResource", (c, t) -> c.api.putJson(api + "/resource/" + c.s.resourceId, t, "{}"));
        ENDPOINTS.put("getResource", (c, t) -> c.api.get(api + "/resource/" + c.s.resourceId, t));
        ENDPOINTS.put("replacePolicy", (c, t) -> c.api.putJson(api + "/resource/" + c.s.resourceId + "/policy", t,
                "{\"rules\":[{\"subjects\":[\"0192:" + c.s.sender + "\"],\"actions\":[\"write\",\"read\"]}]}"));
        ENDPOINTS.put("getPolicy", (c, t) -> c.api.get(api + "/resource/" + c.s.resourceId + "/policy", t));
        ENDPOINTS.put("replaceAccessList", (c, t) -> c.api.putJson(api + "/resource/" + c.s.resourceId + "/accesslist", t,
                "{\"enabled\":false,\"members\":[\"0192:" + c.s.recipient1 + "\"]}"));
        ENDPOINTS.put("getAccessList", (c, t) -> c.api.get(api + "/resource/" + c.s.resourceId + "/accesslist", t));
        ENDPOINTS.put("registerServiceOwner", (c, t) -> c.api.postJson(api + "/serviceowner", t, "{\"name\":\"Again\"}"));
        ENDPOINTS.put("getServiceOwner", (c, t) -> c.api.get(api + "/serviceowner", t));
        ENDPOINTS.put("exchangeToken", (c, t) -> c.api.get("/authentication/api/v1/exchange/maskinporten", t));
    }

    @TestFactory
    Stream<DynamicContainer> everyEndpointAgainstEveryCaller() {
        return matrix(() -> client);
    }

    /** The reference's routing ignores a trailing slash; the slash form must meet exactly the same checks. */
    @TestFactory
    Stream<DynamicContainer> everyEndpointWithATrailingSlashAgainstEveryCaller() {
        return matrix(() -> client.withTrailingSlash());
    }

    private Stream<DynamicContainer> matrix(Supplier<BrokerClient> api) {
        List<String> lines = MATRIX.lines().filter(l -> !l.isBlank()).toList();
        List<String> callers = List.of(lines.get(0).trim().split("\\s+")).subList(1, CALLERS.size() + 1);
        assertThat(callers).containsExactlyElementsOf(CALLERS.keySet());
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.trim().split("\\s+")[0]))
                .containsExactlyElementsOf(ENDPOINTS.keySet());
        return lines.subList(1, lines.size()).stream().map(line -> {
            String[] cells = line.trim().split("\\s+");
            String endpoint = cells[0];
            return DynamicContainer.dynamicContainer(endpoint, Stream.of(DynamicTest.dynamicTest("row", () -> {
                Cast cast = new Cast(api.get());
                List<String> failures = new ArrayList<>();
                for (int i = 0; i < callers.size(); i++) {
                    String caller = callers.get(i);
                    int expected = Integer.parseInt(cells[i + 1]);
                    var response = ENDPOINTS.get(endpoint).apply(cast, CALLERS.get(caller).apply(cast));
                    if (response.status() != expected) {
                        failures.add(caller + ": expected " + expected + " but was " + response);
                    } else if (response.status() >= 400) {
                        checkRefusal(cast, caller, response, failures);
                    }
                }
                assertThat(failures).as(endpoint).isEmpty();
            })));
        });
    }

    private static void checkRefusal(Cast cast, String caller, BrokerClient.Response response, List<String> failures) {
        if (!String.valueOf(response.header("Content-Type")).startsWith("application/problem+json")) {
            failures.add(caller + ": a refusal must be problem details, was " + response.header("Content-Type"));
        }
        for (String secret : cast.secrets()) {
            if (response.body().contains(secret)) {
                failures.add(caller + ": the refusal leaks " + secret + ": " + response.body());
            }
        }
        if (response.status() == 401 && response.header("WWW-Authenticate") == null
                && !response.body().contains("BRO-00006")) {
            failures.add(caller + ": a 401 without a valid token must say WWW-Authenticate");
        }
    }

    private static BrokerClient.Response initializeAndUpload(Cast c, String token) {
        String boundary = "matrix" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Metadata.FileName", FILE_NAME);
        fields.put("Metadata.ResourceId", c.s.resourceId);
        fields.put("Metadata.SendersFileTransferReference", c.reference);
        fields.put("Metadata.Sender", "0192:" + c.s.sender);
        fields.put("Metadata.Recipients[0]", "0192:" + c.s.recipient1);
        fields.put("Metadata.PropertyList[case]", PROPERTY_VALUE);
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"FileTransfer\"; filename=\"").append(FILE_NAME).append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\nsecret\r\n")
                .append("--").append(boundary).append("--\r\n");
        return c.api.post("/broker/api/v1/filetransfer/upload", token, HttpRequest.BodyPublishers.ofString(body.toString()),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }
}
