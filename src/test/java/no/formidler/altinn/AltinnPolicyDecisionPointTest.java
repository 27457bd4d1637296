package no.formidler.altinn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.formidler.altinn.FakeAltinn.Reply;
import no.formidler.auth.AccessRequest;
import no.formidler.auth.Action;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Altinn Authorization contract (docs/compatibility.md §3), against a local server playing the PDP. */
class AltinnPolicyDecisionPointTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = AltinnPolicyDecisionPoint.AUTHORIZE_PATH;
    private static final Organization PARTY = new Organization("310000011");
    private static final UUID TRANSFER = UUID.fromString("3f9b3b4e-2f44-4c53-9e8e-0a7c0f3b2a11");
    private final FakeAltinn altinn = new FakeAltinn();

    @AfterEach
    void stop() {
        altinn.close();
    }

    private static String decision(String decision) {
        return "{\"response\":[{\"decision\":\"" + decision + "\"}]}";
    }

    private static String permitWithMinimumLevel(int level, Integer orgLevel) {
        String org = orgLevel == null ? "" : ",{\"attributeAssignment\":[{\"attributeId\":\"urn:altinn:obligation-assignment-2\","
                + "\"category\":\"urn:altinn:minimum-authenticationlevel-org\",\"value\":\"" + orgLevel + "\",\"dataType\":\"http://www.w3.org/2001/XMLSchema#integer\"}]}";
        return "{\"response\":[{\"decision\":\"Permit\",\"obligations\":[{\"id\":\"urn:altinn:obligation:authenticationLevel1\","
                + "\"attributeAssignment\":[{\"attributeId\":\"urn:altinn:obligation-assignment-1\","
                + "\"category\":\"urn:altinn:minimum-authenticationlevel\",\"value\":\"" + level
                + "\",\"dataType\":\"http://www.w3.org/2001/XMLSchema#integer\"}]}" + org + "]}]}";
    }

    private static Caller enterprise(Map<String, Object> extra) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://platform.altinn.no/authentication/api/v1/openid/");
        claims.put("scope", "altinn:broker.read altinn:broker.write");
        claims.put("jti", "session-1");
        claims.put("urn:altinn:orgNumber", PARTY.number());
        claims.put("urn:altinn:authlevel", 3);
        claims.put("consumer", Map.of("authority", "iso6523-actorid-upis", "ID", PARTY.prefixed()));
        claims.putAll(extra);
        return new Caller(Optional.of(PARTY), Optional.of(PARTY), Set.of("altinn:broker.read"), "client", claims);
    }

    private boolean permits(Caller caller, Action action, Optional<UUID> instance) {
        return pdp(altinn.client()).permits(new AccessRequest(caller, "broker-resource", PARTY, action, instance));
    }

    private static AltinnPolicyDecisionPoint pdp(AltinnPlatformClient client) {
        return new AltinnPolicyDecisionPoint(client, id -> id.equals("broker-resource"));
    }

    @Test
    void aRecipientCheckSendsTheXacmlRequestOfTheReference() {
        altinn.on(PATH, Reply.json(200, decision("Permit")));

        assertThat(permits(enterprise(Map.of()), Action.READ, Optional.of(TRANSFER))).isTrue();

        var request = altinn.requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("authorization/api/v1/authorize");
        assertThat(request.header("Ocp-Apim-Subscription-Key")).isEqualTo("subscription-key-1");
        assertThat(request.header("Authorization")).isEqualTo("Bearer broker-platform-token");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        String iss = "https://platform.altinn.no/authentication/api/v1/openid/";
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("""
                {"request":{
                  "accessSubject":[{"attribute":[
                    {"attributeId":"urn:scope","value":"altinn:broker.read altinn:broker.write","dataType":"string","issuer":"%1$s","includeInResult":false},
                    {"attributeId":"urn:altinn:sessionid","value":"session-1","dataType":"string","issuer":"%1$s","includeInResult":false},
                    {"attributeId":"urn:altinn:organizationnumber","value":"310000011","dataType":"string","issuer":"%1$s","includeInResult":false},
                    {"attributeId":"urn:altinn:organization:identifier-no","value":"310000011","dataType":"string","issuer":"%1$s","includeInResult":false},
                    {"attributeId":"urn:altinn:authlevel","value":"3","dataType":"string","issuer":"%1$s","includeInResult":false}]}],
                  "action":[{"attribute":[
                    {"attributeId":"urn:oasis:names:tc:xacml:1.0:action:action-id","value":"read","dataType":"string","issuer":"Altinn","includeInResult":false}]}],
                  "resource":[{"attribute":[
                    {"attributeId":"urn:altinn:resource","value":"broker-resource","dataType":"string","issuer":"Altinn","includeInResult":false},
                    {"attributeId":"urn:altinn:organization:identifier-no","value":"310000011","dataType":"string","issuer":"Altinn","includeInResult":false},
                    {"attributeId":"urn:altinn:resourceinstance","value":"3f9b3b4e-2f44-4c53-9e8e-0a7c0f3b2a11","dataType":"string","issuer":"Altinn","includeInResult":false}]}]}}
                """.formatted(iss)));
    }

    @Test
    void aSystemUserIsOnlyItsSystemUserIdAndASenderCheckHasNoInstance() {
        altinn.on(PATH, Reply.json(200, decision("Permit")));
        Caller systemUser = enterprise(Map.of("authorization_details", List.of(Map.of("type", "urn:altinn:systemuser",
                "systemuser_id", List.of("a1b2c3d4-0000-4000-8000-000000000001"),
                "systemuser_org", Map.of("authority", "iso6523-actorid-upis", "ID", PARTY.prefixed())))));

        assertThat(permits(systemUser, Action.WRITE, Optional.empty())).isTrue();

        var body = JSON.readTree(altinn.requests.get(0).body()).get("request");
        assertThat(body.get("accessSubject").get(0).get("attribute")).hasSize(1);
        assertThat(body.get("accessSubject").get(0).get("attribute").get(0).get("attributeId").asString())
                .isEqualTo("urn:altinn:systemuser:uuid");
        assertThat(body.get("accessSubject").get(0).get("attribute").get(0).get("value").asString())
                .isEqualTo("a1b2c3d4-0000-4000-8000-000000000001");
        assertThat(body.get("action").get(0).get("attribute").get(0).get("value").asString()).isEqualTo("write");
        assertThat(body.get("resource").get(0).get("attribute").findValuesAsString("attributeId"))
                .containsExactly("urn:altinn:resource", "urn:altinn:organization:identifier-no");
    }

    @Test
    void denyNotApplicableAndIndeterminateDeny() {
        for (String refusal : List.of("Deny", "NotApplicable", "Indeterminate")) {
            altinn.on(PATH, Reply.json(200, decision(refusal)));
            assertThat(permits(enterprise(Map.of()), Action.READ, Optional.empty())).as(refusal).isFalse();
        }
    }

    @Test
    void everyResultMustPermitAndNoResultDenies() {
        altinn.on(PATH, Reply.json(200, "{\"response\":[{\"decision\":\"Permit\"},{\"decision\":\"Deny\"}]}"));
        assertThat(permits(enterprise(Map.of()), Action.READ, Optional.empty())).isFalse();
        altinn.on(PATH, Reply.json(200, "{\"response\":[]}"));
        assertThat(permits(enterprise(Map.of()), Action.READ, Optional.empty())).isFalse();
        altinn.on(PATH, Reply.json(200, "not json"));
        assertThat(permits(enterprise(Map.of()), Action.READ, Optional.empty())).isFalse();
        altinn.on(PATH, Reply.json(200, ""));
        assertThat(permits(enterprise(Map.of()), Action.READ, Optional.empty())).isFalse();
    }

    @Test
    void aMinimumAuthenticationLevelAboveTheCallersDenies() {
        altinn.on(PATH, Reply.json(200, permitWithMinimumLevel(3, null)));
        assertThat(permits(enterprise(Map.of()), Action.READ, Optional.empty())).isTrue();
        altinn.on(PATH, Reply.json(200, permitWithMinimumLevel(4, null)));
        assertThat(permits(enterprise(Map.of()), Action.READ, Optional.empty())).isFalse();
    }

    @Test
    void aServiceOwnerMeetsTheOrgMinimumInstead() {
        altinn.on(PATH, Reply.json(200, permitWithMinimumLevel(4, 3)));
        assertThat(permits(enterprise(Map.of("urn:altinn:org", "digdir")), Action.READ, Optional.empty())).isTrue();
        assertThat(permits(enterprise(Map.of()), Action.READ, Optional.empty())).isFalse();
        altinn.on(PATH, Reply.json(200, permitWithMinimumLevel(4, 4)));
        assertThat(permits(enterprise(Map.of("urn:altinn:org", "digdir")), Action.READ, Optional.empty())).isFalse();
    }

    @Test
    void aRawMaskinportenTokenCountsAsLevelThree() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://test.maskinporten.no/");
        claims.put("scope", "altinn:broker.read");
        claims.put("consumer", Map.of("authority", "iso6523-actorid-upis", "ID", PARTY.prefixed()));
        Caller maskinporten = new Caller(Optional.of(PARTY), Optional.of(PARTY), Set.of(), "c", claims);
        altinn.on(PATH, Reply.json(200, permitWithMinimumLevel(3, null)));
        assertThat(permits(maskinporten, Action.READ, Optional.empty())).isTrue();
        claims.put("iss", "https://elsewhere.example/");
        assertThat(permits(new Caller(Optional.of(PARTY), Optional.empty(), Set.of(), "c", claims), Action.READ,
                Optional.empty())).isFalse();
    }

    @Test
    void serverErrorsAreRetriedAfter100And200Ms() {
        altinn.on(PATH, Reply.json(503, ""), Reply.json(429, ""), Reply.json(200, decision("Permit")));
        assertThat(permits(enterprise(Map.of()), Action.READ, Optional.empty())).isTrue();
        assertThat(altinn.requests).hasSize(3);
        assertThat(altinn.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void aServerThatKeepsFailingDeniesAfterThreeRetries() {
        altinn.on(PATH, Reply.json(500, "{}"));
        assertThat(permits(enterprise(Map.of()), Action.READ, Optional.empty())).isFalse();
        assertThat(altinn.requests).hasSize(4);
        assertThat(altinn.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void aClientErrorDeniesWithoutRetry() {
        altinn.on(PATH, Reply.json(400, "{}"));
        assertThat(permits(enterprise(Map.of()), Action.READ, Optional.empty())).isFalse();
        assertThat(altinn.requests).hasSize(1);
    }

    @Test
    void aTimeoutIsRetriedAndThenDenies() {
        altinn.on(PATH, Reply.hanging(), Reply.json(200, decision("Permit")));
        var pdp = pdp(altinn.client(Duration.ofMillis(300)));
        assertThat(pdp.permits(new AccessRequest(enterprise(Map.of()), "broker-resource", PARTY, Action.READ, Optional.empty())))
                .as("the second attempt is answered").isTrue();

        altinn.on(PATH, Reply.hanging());
        altinn.sleeps.clear();
        assertThat(pdp.permits(new AccessRequest(enterprise(Map.of()), "broker-resource", PARTY, Action.READ, Optional.empty())))
                .isFalse();
        assertThat(altinn.sleeps).hasSize(3);
    }

    @Test
    void aResourceTheBrokerDoesNotKnowIsDeniedWithoutAsking() {
        assertThat(pdp(altinn.client()).permits(new AccessRequest(enterprise(Map.of()), "unknown", PARTY, Action.READ,
                Optional.empty()))).isFalse();
        assertThat(altinn.requests).isEmpty();
    }
}
