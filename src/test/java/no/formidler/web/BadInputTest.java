package no.formidler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.RawHttp;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17, finding 6: input that once answered 500 (NUL characters, broken %-encoding, {@code GET /error}) is a 400,
 * and a 400 says what was wrong in the API's words, never in Java type names.
 */
class BadInputTest extends ApiTest {
    private static final String PATH = "/broker/api/v1/filetransfer";

    private static void assertBadRequest(int status, String body) {
        assertThat(status).as(body).isEqualTo(400);
        assertThat(body).doesNotContain("java.", "$", "Exception", "no.formidler");
    }

    private static void assertBadRequest(BrokerClient.Response response) {
        assertBadRequest(response.status(), response.body());
        assertThat(response.header("Content-Type")).contains("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fileName", "sendersFileTransferReference", "resourceId", "propertyKey", "propertyValue"})
    void aNulCharacterInAnInitializeFieldIsRefused(String field) {
        Scenario s = scenario().ready();
        String json = s.initializeJson(field.equals("fileName") ? "a\\u0000b.txt" : "a.txt", List.of(s.recipient1),
                switch (field) {
                    case "propertyKey" -> "\"propertyList\":{\"k\\u0000\":\"v\"}";
                    case "propertyValue" -> "\"propertyList\":{\"k\":\"v\\u0000\"}";
                    default -> "";
                });
        if (field.equals("sendersFileTransferReference")) {
            json = json.replace("\"ref-1\"", "\"ref\\u0000\"");
        }
        if (field.equals("resourceId")) {
            json = json.replace("\"" + s.resourceId + "\"", "\"" + s.resourceId + "\\u0000\"");
        }
        assertBadRequest(client.postJson(PATH, s.senderToken, json));
    }

    @Test
    void aLoneSurrogateInANameIsRefusedNotStoredAsAQuestionMark() {
        Scenario s = scenario().ready();
        assertBadRequest(client.postJson(PATH, s.senderToken, s.initializeJson("a\\ud800.txt", List.of(s.recipient1), "")));
        assertBadRequest(client.postJson(PATH, s.senderToken, s.initializeJson("a\\udc00b.txt", List.of(s.recipient1), "")));
        assertThat(client.postJson(PATH, s.senderToken, s.initializeJson("emoji-\\ud83d\\ude00.txt", List.of(s.recipient1), ""))
                .status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?resourceId=%00", "?resourceId=a%00b", "?resourceId=x&%00=1", "?x=%", "?x=%zz", "?resourceId=%e9",
            "?%=1"})
    void badQueryStringsOnSearchAreRefused(String query) {
        Scenario s = scenario().ready();
        var answer = RawHttp.get(port, PATH + query, "Authorization: Bearer " + s.senderToken);
        assertBadRequest(answer.status(), answer.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/events/api/v1/events?after=%00", "/events/api/v1/events?x=%", "/broker/api/v1/statistics/monthly?x=%zz",
            "/broker/api/v1/statistics/monthly?year=%00", "/dev/tokens/enterprise?orgNo=%", "/actuator/health?x=%",
            "/health?x=%zz", "/broker/api/v1/filetransfer?&%00=1"})
    void badQueryStringsAreRefusedEverywhere(String target) {
        Scenario s = scenario().ready();
        var answer = RawHttp.get(port, target, "Authorization: Bearer " + s.senderToken);
        assertBadRequest(answer.status(), answer.text());
    }

    @Test
    void theErrorPageCannotBeRequestedDirectly() {
        var answer = RawHttp.get(port, "/error");
        assertBadRequest(answer.status(), answer.text());
    }

    @Test
    void aBodyOfTheWrongShapeIsDescribedWithoutJavaTypes() {
        Scenario s = scenario().ready();
        var wrongRules = client.putJson("/broker/api/v1/resource/" + s.resourceId + "/policy", s.ownerToken, "{\"rules\":\"x\"}");
        assertBadRequest(wrongRules);
        assertThat(wrongRules.body()).contains("rules");
        var wrongRecipients = client.postJson(PATH, s.senderToken,
                s.initializeJson("a", List.of(), "").replace("\"recipients\":[]", "\"recipients\":{\"a\":1}"));
        assertBadRequest(wrongRecipients);
        assertThat(wrongRecipients.body()).contains("recipients");
        assertBadRequest(client.postJson(PATH, s.senderToken, "{\"fileName\":"));
        assertBadRequest(client.putJson("/broker/api/v1/resource/" + s.resourceId, s.ownerToken, "{\"maxFileTransferSize\":\"big\"}"));
    }
}
