package no.formidler.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** Access lists (Formidler extension, the standalone form of docs/compatibility.md §3). */
class AccessListTest extends ApiTest {

    private static String accessList(boolean enabled, String... members) {
        return "{\"enabled\":" + enabled + ",\"members\":[" + String.join(",", List.of(members).stream()
                .map(m -> "\"" + m + "\"").toList()) + "]}";
    }

    @Test
    void theOwnerKeepsTheListAndReadsItBackInThePrefixedForm() {
        Scenario s = scenario().ready();
        String path = "/broker/api/v1/resource/" + s.resourceId + "/accesslist";
        assertThat(s.client.get(path, s.ownerToken).json().toString()).isEqualTo("{\"enabled\":false,\"members\":[]}");

        var put = s.client.putJson(path, s.ownerToken,
                accessList(true, "0192:" + s.recipient1, "urn:altinn:organization:identifier-no:" + s.recipient2));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);

        var read = s.client.get(path, s.ownerToken).json();
        assertThat(read.get("enabled").asBoolean()).isTrue();
        assertThat(read.get("members").valueStream().map(m -> m.asString()).toList())
                .containsExactlyInAnyOrder("0192:" + s.recipient1, "0192:" + s.recipient2);
    }

    @Test
    void onlyTheOwnerMayReadOrChangeTheList() {
        Scenario s = scenario().ready();
        Scenario other = scenario().ready();
        String path = "/broker/api/v1/resource/" + s.resourceId + "/accesslist";
        var foreignOwner = s.client.putJson(path, other.ownerToken, accessList(true));
        assertThat(foreignOwner.status()).isEqualTo(401);
        assertThat(foreignOwner.json().get("code").asString()).isEqualTo("BRO-00006");
        assertThat(s.client.get(path, other.ownerToken).status()).isEqualTo(401);
        assertThat(s.client.get(path, s.senderToken).status()).isEqualTo(403);
        assertThat(s.client.get(path, null).status()).isEqualTo(401);
    }

    @Test
    void aMalformedMemberOrAMissingFlagIsAValidationProblem() {
        Scenario s = scenario().ready();
        var response = s.client.putJson("/broker/api/v1/resource/" + s.resourceId + "/accesslist", s.ownerToken,
                "{\"members\":[\"991825827\"]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").has("members")).isTrue();
        assertThat(response.json().get("errors").has("enabled")).isTrue();
    }

    @Test
    void whileEnabledEveryRecipientMustBeAMember() {
        Scenario s = scenario().ready();
        String path = "/broker/api/v1/resource/" + s.resourceId + "/accesslist";
        s.client.putJson(path, s.ownerToken, accessList(true, "0192:" + s.recipient1));

        var notMember = s.client.postJson("/broker/api/v1/filetransfer", s.senderToken,
                s.initializeJson("a.txt", List.of(s.recipient2), ""));
        assertThat(notMember.status()).isEqualTo(400);
        assertThat(notMember.json().get("code").asString()).isEqualTo("BRO-00028");
        assertThat(notMember.json().get("detail").asString())
                .isEqualTo("All recipients need to be in the access list of the resource.");

        var oneOfTwoNotMember = s.client.postJson("/broker/api/v1/filetransfer", s.senderToken,
                s.initializeJson("a.txt", List.of(s.recipient1, s.recipient2), ""));
        assertThat(oneOfTwoNotMember.status()).isEqualTo(400);
        assertThat(oneOfTwoNotMember.json().get("code").asString()).isEqualTo("BRO-00028");

        assertThat(s.client.postJson("/broker/api/v1/filetransfer", s.senderToken,
                s.initializeJson("a.txt", List.of(s.recipient1), "")).status()).isEqualTo(200);
    }

    @Test
    void theAccessListIsDescribedInTheOpenApiDocumentAsAnExtension() {
        var paths = client.get("/v3/api-docs", null).json().get("paths");
        var accessList = paths.get("/broker/api/v1/resource/{resourceId}/accesslist");
        assertThat(accessList).isNotNull();
        assertThat(accessList.get("put").get("summary").asString()).contains("Formidler extension");
        assertThat(accessList.has("get")).isTrue();
    }

    @Test
    void aDisabledListAdmitsEveryRecipient() {
        Scenario s = scenario().ready();
        s.client.putJson("/broker/api/v1/resource/" + s.resourceId + "/accesslist", s.ownerToken,
                accessList(false, "0192:" + s.recipient1));
        assertThat(s.client.postJson("/broker/api/v1/filetransfer", s.senderToken,
                s.initializeJson("a.txt", List.of(s.recipient2), "")).status()).isEqualTo(200);
    }
}
