package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerAssertions;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** E1 (docs/compatibility.md §1) over HTTP: what initialize accepts, what it refuses, and how. */
class InitializeTest extends ApiTest {
    private static final String PATH = "/broker/api/v1/filetransfer";

    private static void assertValidationProblem(BrokerClient.Response response, String field, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.get("title").asString()).isEqualTo("One or more validation errors occurred.");
        assertThat(body.get("type").asString()).isEqualTo("https://tools.ietf.org/html/rfc9110#section-15.5.1");
        assertThat(body.get("traceId").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
        assertThat(body.get("errors").get(field).toString()).contains(message);
    }

    private static void assertBrokerError(BrokerClient.Response response, int status, String code) {
        BrokerAssertions.assertBrokerError(response, status, code);
        assertThat(response.json().get("traceId").asString()).isNotBlank();
        assertThat(response.body().split("\"traceId\"", -1)).as("traceId appears once").hasSize(2);
    }

    @Test
    void identifiersInBothFormsAreAcceptedAndRecipientsAreNormalised() {
        Scenario s = scenario().ready();
        String json = """
                {"fileName":"a.txt","resourceId":"urn:altinn:resource:%s","sendersFileTransferReference":"r",
                 "sender":"urn:altinn:organization:identifier-no:%s",
                 "recipients":["urn:altinn:organization:identifier-no:%s","0192:%s"]}"""
                .formatted(s.resourceId, s.sender, s.recipient1, s.recipient2);
        var response = client.postJson(PATH, s.senderToken, json);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode overview = s.overview(response.json().get("fileTransferId").asString(), s.senderToken).json();
        assertThat(overview.get("sender").asString()).isEqualTo("urn:altinn:organization:identifier-no:" + s.sender);
        assertThat(overview.get("resourceId").asString()).isEqualTo(s.resourceId);
        assertThat(overview.get("recipients").findValuesAsString("recipient"))
                .containsExactlyInAnyOrder("0192:" + s.recipient1, "0192:" + s.recipient2);
    }

    @Test
    void aUrnSenderStillFindsItsTransfersInSearch() {
        Scenario s = scenario().ready();
        String json = s.initializeJson("a.txt", List.of(s.recipient1), "")
                .replace("\"0192:" + s.sender + "\"", "\"urn:altinn:organization:identifier-no:" + s.sender + "\"");
        String id = client.postJson(PATH, s.senderToken, json).json().get("fileTransferId").asString();
        var search = client.get(PATH + "?resourceId=" + s.resourceId + "&role=sender", s.senderToken);
        assertThat(search.body()).contains(id);
    }

    @Test
    void propertyListsOfTenPassAndElevenAreRefused() {
        Scenario s = scenario().ready();
        StringBuilder ten = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            ten.append(i == 0 ? "" : ",").append("\"key").append(i).append("\":\"v\"");
        }
        assertThat(client.postJson(PATH, s.senderToken, s.initializeJson("a", List.of(s.recipient1),
                "\"propertyList\":{" + ten + "}")).status()).isEqualTo(200);
        assertValidationProblem(client.postJson(PATH, s.senderToken, s.initializeJson("a", List.of(s.recipient1),
                "\"propertyList\":{" + ten + ",\"key10\":\"v\"}")), "propertyList", "PropertyList can contain at most 10 properties");
        assertValidationProblem(client.postJson(PATH, s.senderToken, s.initializeJson("a", List.of(s.recipient1),
                "\"propertyList\":{\"" + "k".repeat(300) + "\":\"v\"}")), "propertyList", "Key can not be longer than 50");
        assertValidationProblem(client.postJson(PATH, s.senderToken, s.initializeJson("a", List.of(s.recipient1),
                "\"propertyList\":{\"k\":\"" + "v".repeat(3001) + "\"}")), "propertyList", "Value can not be longer than 3000");
    }

    @Test
    void moreRecipientsThanTheCapAreRefusedWithAClear400() {
        Scenario s = scenario().ready();
        List<String> tooMany = java.util.stream.IntStream.rangeClosed(1, 2_001).mapToObj(n -> String.valueOf(100_000_000 + n)).toList();
        assertValidationProblem(client.postJson(PATH, s.senderToken, s.initializeJson("a", tooMany, "")),
                "recipients", "A file transfer can have at most 2000 recipients");
    }

    @Test
    void badFieldsGetValidationProblemsWithTheReferenceMessages() {
        Scenario s = scenario().ready();
        assertValidationProblem(client.postJson(PATH, s.senderToken, s.initializeJson("a", List.of(), "")),
                "recipients", "One or more recipients are required");
        assertValidationProblem(client.postJson(PATH, s.senderToken,
                s.initializeJson("a", List.of(s.recipient1), "").replace("\"0192:" + s.sender + "\"", "\"" + s.sender + "\"")),
                "sender", "Organization numbers should be on the form countrycode:organizationnumber");
        assertValidationProblem(client.postJson(PATH, s.senderToken, s.initializeJson("a", List.of(s.recipient1),
                "\"checksum\":\"" + "a".repeat(31) + "\"")), "checksum", "length of 32 characters");
        assertValidationProblem(client.postJson(PATH, s.senderToken, s.initializeJson("a", List.of(s.recipient1),
                "\"checksum\":\"" + "A".repeat(32) + "\"")), "checksum", "must be a MD5 hash in lower case");
        assertValidationProblem(client.postJson(PATH, s.senderToken, s.initializeJson("a", List.of(s.recipient1), "")
                .replace("\"resourceId\":\"" + s.resourceId + "\"", "\"resourceId\":\"a:b:c\"")), "resourceId", "Invalid Resource identifier format");
        assertValidationProblem(client.postJson(PATH, s.senderToken, s.initializeJson("x".repeat(256), List.of(s.recipient1), "")),
                "fileName", "maximum length of 255");
    }

    @Test
    void malformedBodiesAreRefusedWithoutA500() {
        Scenario s = scenario().ready();
        assertValidationProblem(client.postJson(PATH, s.senderToken, "{\"fileName\":"), "body", "not valid JSON");
        assertValidationProblem(client.postJson(PATH, s.senderToken, "{\"fileName\":\"a\",\"recipients\":\"0192:986252932\"}"),
                "body", "wrong type");
        assertValidationProblem(client.postJson(PATH, s.senderToken, null), "body", "non-empty request body");
        assertValidationProblem(client.postJson(PATH, s.senderToken, "[]"), "body", "");
        var form = client.postJson(PATH, s.senderToken, "a=b", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().get("status").asInt()).isEqualTo(415);
    }

    @Test
    void aCallerWhoMayNotSendForTheSenderGets401Bro00006() {
        Scenario s = scenario().ready();
        assertBrokerError(client.postJson(PATH, s.outsiderToken, s.initializeJson("a", List.of(s.recipient1), "")), 401, "BRO-00006");
        // The outsider names itself as sender, but the rules do not grant it write.
        String asItself = s.initializeJson("a", List.of(s.recipient1), "").replace("0192:" + s.sender, "0192:" + s.outsider);
        assertBrokerError(client.postJson(PATH, s.outsiderToken, asItself), 401, "BRO-00006");
    }

    @Test
    void aResourceThatWasNeverConfiguredAllowsNothing() {
        Scenario s = scenario();
        assertBrokerError(client.postJson(PATH, s.senderToken, s.initializeJson("a", List.of(s.recipient1), "")), 401, "BRO-00006");
    }

    @Test
    void theTimeToLiveOfTheResourceSetsTheExpirationTime() {
        Scenario s = scenario().ready("{\"fileTransferTimeToLive\":\"P2D\"}");
        JsonNode overview = s.overview(s.initialize(), s.senderToken).json();
        var created = java.time.OffsetDateTime.parse(overview.get("created").asString());
        var expires = java.time.OffsetDateTime.parse(overview.get("expirationTime").asString());
        assertThat(java.time.Duration.between(created, expires)).isEqualTo(java.time.Duration.ofDays(2));
    }

    @Test
    void requiredPartyRulesAreEnforcedAtInitialize() {
        Scenario s = scenario();
        s.ready("{\"requiredParty\":\"0192:" + s.recipient2 + "\"}");
        assertBrokerError(client.postJson(PATH, s.senderToken, s.initializeJson("a", List.of(s.recipient1), "")), 400, "BRO-00026");
        assertBrokerError(client.postJson(PATH, s.senderToken, s.initializeJson("a", List.of(s.recipient1, s.recipient2), "")),
                400, "BRO-00027");
        assertThat(client.postJson(PATH, s.senderToken, s.initializeJson("a", List.of(s.recipient2), "")).status()).isEqualTo(200);
    }
}
