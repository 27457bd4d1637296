package no.formidler.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Unknown JSON members are ignored on the reference's endpoints, as System.Text.Json does; the bodies are those of
 * the reference's Postman collection.
 */
class UnknownJsonMembersTest extends ApiTest {
    private static final String API = "/broker/api/v1";

    @Test
    void unknownMembersAreIgnoredOnTheReferencesEndpointsAsThePostmanCollectionSendsThem() {
        Scenario s = scenario();
        // The collection's "Register Service Owner" and "Update Resource" bodies, verbatim but for the ids.
        var owner = client.postJson(API + "/serviceowner", s.ownerToken,
                "{\n    \"name\": \"TestServiceOwner\",\n    \"deletionTime\": \"P30D\"\n}");
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        var resource = client.putJson(API + "/resource/" + s.resourceId, s.ownerToken, """
                {
                    "resourceId": "%s",
                    "maxFileTransferSize": "1112391230",
                    "fileTransferTimeToLive": "PT2H",
                    "PurgeFileTransferAfterAllRecipientsConfirmed" : false,
                    "purgeFileTransferGracePeriod": "PT14H",
                    "ExternalServiceCodeLegacy": "4434",
                    "ExternalServiceEditionCodeLegacy": "2",
                    "UseManifestFileShim": true
                }""".formatted(s.resourceId));
        assertThat(resource.status()).as(resource.toString()).isEqualTo(204);
        JsonNode settings = client.get(API + "/resource/" + s.resourceId, s.ownerToken).json();
        assertThat(settings.get("maxFileTransferSize").asLong()).isEqualTo(1112391230L);
        assertThat(settings.get("purgeFileTransferAfterAllRecipientsConfirmed").asBoolean()).isFalse();
        assertThat(settings.get("externalServiceEditionCodeLegacy").asInt()).isEqualTo(2);
        assertThat(settings.get("useManifestFileShim").asBoolean()).isTrue();

        s.policy("{\"rules\":[{\"subjects\":[\"0192:%s\"],\"actions\":[\"write\",\"read\"]}]}".formatted(s.sender));
        var init = client.postJson(API + "/filetransfer", s.senderToken, s.initializeJson("a.txt", List.of(s.sender),
                "\"aFieldOfANewerModel\":{\"nested\":[1,2]}").replace("\"fileName\":\"a.txt\"", "\"FileName\":\"system.ini\""));
        assertThat(init.status()).as(init.toString()).isEqualTo(200);
    }

    @Test
    void malformedJsonAndWrongTypesStay400AndTheExtensionEndpointsStayStrict() {
        Scenario s = scenario().ready();
        assertThat(client.putJson(API + "/resource/" + s.resourceId, s.ownerToken, "{\"maxFileTransferSize\":").status())
                .isEqualTo(400);
        assertThat(client.putJson(API + "/resource/" + s.resourceId, s.ownerToken, "{\"maxFileTransferSize\":[1]}").status())
                .isEqualTo(400);
        assertThat(client.putJson(API + "/resource/" + s.resourceId + "/policy", s.ownerToken,
                "{\"rules\":[],\"rulez\":[]}").status()).as("policy (extension) refuses a misspelt member").isEqualTo(400);
    }
}
