package no.formidler.resource;

import static no.formidler.testsupport.BrokerAssertions.assertBrokerError;
import static org.assertj.core.api.Assertions.assertThat;

import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** E9–E12 (docs/compatibility.md §1) and the access-rule extension over HTTP. */
class ResourceConfigurationTest extends ApiTest {

    private BrokerClient.Response put(Scenario s, String json) {
        return client.putJson("/broker/api/v1/resource/" + s.resourceId, s.ownerToken, json);
    }

    @Test
    void settingsAreValidatedWithTheReferenceErrors() {
        Scenario s = scenario().ready();
        assertThat(put(s, "{\"maxFileTransferSize\":99999}").status()).isEqualTo(204);
        assertBrokerError(put(s, "{\"maxFileTransferSize\":0}"), 400, "BRO-00012");
        assertBrokerError(put(s, "{\"maxFileTransferSize\":-1}"), 400, "BRO-00011");
        assertBrokerError(put(s, "{\"maxFileTransferSize\":999999999999999}"), 400, "BRO-00022");
        assertBrokerError(put(s, "{\"fileTransferTimeToLive\":\"P366D\"}"), 400, "BRO-00015");
        assertBrokerError(put(s, "{\"fileTransferTimeToLive\":\"abc\"}"), 400, "BRO-00014");
        assertBrokerError(put(s, "{\"purgeFileTransferGracePeriod\":\"PT25H\"}"), 400, "BRO-00018");
        assertBrokerError(put(s, "{\"purgeFileTransferGracePeriod\":\"P3D\"}"), 400, "BRO-00018");
        assertBrokerError(put(s, "{\"purgeFileTransferGracePeriod\":\"two hours\"}"), 400, "BRO-00017");
        assertThat(put(s, "{\"purgeFileTransferGracePeriod\":\"PT2H\",\"fileTransferTimeToLive\":\"P7D\"}").status()).isEqualTo(204);
        var manifest = put(s, "{\"useManifestFileShim\":true}");
        assertThat(manifest.status()).isEqualTo(400);
        assertThat(manifest.body()).contains("ExternalServiceCodeLegacy must be set and not be an empty string.");
    }

    @Test
    void overflowingDurationsAreInvalidNotNegativeInfinity() {
        Scenario s = scenario().ready();
        assertBrokerError(put(s, "{\"fileTransferTimeToLive\":\"P2147483648D\"}"), 400, "BRO-00014");
        assertBrokerError(put(s, "{\"fileTransferTimeToLive\":\"PT99999999999999999999999S\"}"), 400, "BRO-00014");
        assertBrokerError(put(s, "{\"purgeFileTransferGracePeriod\":\"P2147483648D\"}"), 400, "BRO-00017");
        assertBrokerError(put(s, "{\"purgeFileTransferGracePeriod\":\"PT99999999999999999999999S\"}"), 400, "BRO-00017");
        assertThat(client.get("/broker/api/v1/resource/" + s.resourceId, s.ownerToken).status()).isEqualTo(200);
    }

    @Test
    void onlyTheFieldsSentAreChangedAndDurationsComeBackAsTimeSpanText() {
        Scenario s = scenario().ready("{\"maxFileTransferSize\":5000,\"fileTransferTimeToLive\":\"P30D\"}");
        assertThat(put(s, "{\"purgeFileTransferGracePeriod\":\"PT2H\",\"purgeFileTransferAfterAllRecipientsConfirmed\":false}").status())
                .isEqualTo(204);
        var settings = client.get("/broker/api/v1/resource/" + s.resourceId, s.ownerToken).json();
        assertThat(settings.get("maxFileTransferSize").asLong()).isEqualTo(5000);
        assertThat(settings.get("fileTransferTimeToLive").asString()).isEqualTo("30.00:00:00");
        assertThat(settings.get("purgeFileTransferGracePeriod").asString()).isEqualTo("02:00:00");
        assertThat(settings.get("purgeFileTransferAfterAllRecipientsConfirmed").asBoolean()).isFalse();
        assertThat(settings.get("requiredParty").isNull()).isTrue();
    }

    @Test
    void anotherOrganisationCannotSeeOrChangeTheResource() {
        Scenario s = scenario().ready();
        Scenario other = scenario().ready();
        assertBrokerError(client.putJson("/broker/api/v1/resource/" + s.resourceId, other.ownerToken, "{\"maxFileTransferSize\":1}"),
                401, "BRO-00006");
        assertBrokerError(client.get("/broker/api/v1/resource/" + s.resourceId, other.ownerToken), 401, "BRO-00006");
        assertBrokerError(client.get("/broker/api/v1/resource/" + s.resourceId + "/policy", other.ownerToken), 401, "BRO-00006");
        assertBrokerError(client.putJson("/broker/api/v1/resource/" + s.resourceId + "/policy", other.ownerToken,
                "{\"rules\":[{\"subjects\":[\"*\"],\"actions\":[\"write\"]}]}"), 401, "BRO-00006");
        assertThat(client.putJson("/broker/api/v1/resource/" + s.resourceId, s.senderToken, "{}").status())
                .as("without the service-owner scope").isEqualTo(403);
        assertBrokerError(client.get("/broker/api/v1/resource/never-configured", s.ownerToken), 400, "BRO-00025");
    }

    @Test
    void onlyARegisteredServiceOwnerCanCreateAResource() {
        Scenario s = scenario();
        assertBrokerError(client.putJson("/broker/api/v1/resource/" + s.resourceId, s.ownerToken, "{}"), 400, "BRO-00024");
    }

    @Test
    void serviceOwnersRegisterOnceAndSeeTheirStorage() {
        Scenario s = scenario();
        assertBrokerError(client.get("/broker/api/v1/serviceowner", s.ownerToken), 404, "BRO-07004");
        assertThat(client.postJson("/broker/api/v1/serviceowner", s.ownerToken, "{\"name\":\"Digdir\"}").status()).isEqualTo(200);
        assertBrokerError(client.postJson("/broker/api/v1/serviceowner", s.ownerToken, "{\"name\":\"Digdir\"}"), 409, "BRO-07002");
        var owner = client.get("/broker/api/v1/serviceowner", s.ownerToken).json();
        assertThat(owner.get("name").asString()).isEqualTo("Digdir");
        assertThat(owner.get("storageProviders").findValuesAsString("deploymentStatus")).containsOnly("Ready");
        assertThat(client.postJson("/broker/api/v1/serviceowner", s.ownerToken, "{}").status()).isEqualTo(400);
        String noOrg = s.issuer.token(c -> c.claim("scope", Scenario.SERVICE_OWNER));
        assertBrokerError(client.get("/broker/api/v1/serviceowner", noOrg), 400, "BRO-07001");
    }

    @Test
    void accessRulesAreValidatedAndReadBackNormalised() {
        Scenario s = scenario().ready();
        var bad = client.putJson("/broker/api/v1/resource/" + s.resourceId + "/policy", s.ownerToken,
                "{\"rules\":[{\"subjects\":[\"991825827\"],\"actions\":[\"delete\"]}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").toString()).contains("subject").contains("action");
        s.policy("{\"rules\":[{\"subjects\":[\"urn:altinn:organization:identifier-no:" + s.sender + "\",\"*\"],"
                + "\"actions\":[\"read\"]}]}");
        var rules = client.get("/broker/api/v1/resource/" + s.resourceId + "/policy", s.ownerToken).json();
        assertThat(rules.get("rules").get(0).get("subjects").toString()).contains("0192:" + s.sender).contains("*");
    }
}
