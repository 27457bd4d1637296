package no.formidler.altinn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import no.formidler.altinn.FakeAltinn.Reply;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The broker in Altinn platform mode (its own Spring context): decisions come from Altinn Authorization and access
 * lists from the Resource Registry and Register, here played by a local server. The
 * subscription key is required in this context, so every call carries one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AltinnModeTest {
    private static final TestIssuer ISSUER = TestIssuer.start("https://altinn-mode-issuer.formidler.local/");
    private static final FakeAltinn ALTINN = new FakeAltinn();
    private static final String OWNER = "310000031";
    private static final String SENDER = "310000032";
    private static final String MEMBER = "310000033";
    private static final String NOT_MEMBER = "310000034";
    private static final String CLIENT_KEY = "client-subscription-key";
    private static final String PARTY_UUID = "0f0e0d0c-0b0a-4909-8807-060504030201";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void altinnMode(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("formidler-altinn-mode-").toString();
        registry.add("formidler.data-dir", () -> dataDir);
        registry.add("formidler.mode", () -> "altinn");
        registry.add("formidler.altinn.platform-base-url", () -> ALTINN.baseUrl());
        registry.add("formidler.altinn.subscription-key", () -> "subscription-key-1");
        registry.add("formidler.altinn.access-token", () -> "broker-platform-token");
        registry.add("formidler.api-key.required", () -> "true");
        registry.add("formidler.api-key.keys[0]", () -> CLIENT_KEY);
        registry.add("formidler.auth.issuers[0].issuer", ISSUER::issuer);
        registry.add("formidler.auth.issuers[0].jwks-uri", ISSUER::jwksUri);
    }

    @AfterAll
    static void stop() {
        ALTINN.close();
        ISSUER.close();
    }

    private static String memberships(String resourceId, String org) {
        return "resourceregistry/api/v1/access-lists/memberships?resource=urn%3Aaltinn%3Aresource%3A" + resourceId
                + "&party=urn%3Aaltinn%3Aorganization%3Aidentifier-no%3A" + org;
    }

    @Test
    void altinnDecidesAndTheRegistrysAccessListIsEnforced() {
        Api client = new Api(new BrokerClient("http://127.0.0.1:" + port));
        String resourceId = "altinn-resource-" + UUID.randomUUID().toString().substring(0, 8);
        String ownerToken = ISSUER.enterprise(OWNER, "altinn:serviceowner");
        String senderToken = ISSUER.enterprise(SENDER, "altinn:broker.write altinn:broker.read");
        assertThat(client.post("/broker/api/v1/serviceowner", ownerToken, "{\"name\":\"Etat\"}").status()).isEqualTo(200);
        var unregistered = client.put("/broker/api/v1/resource/" + resourceId, ownerToken, "{}");
        assertThat(unregistered.status()).as("not in the Resource Registry").isEqualTo(403);
        assertThat(unregistered.json().get("code").asString()).isEqualTo("BRO-00005");
        ALTINN.on("resourceregistry/api/v1/resource/" + resourceId, Reply.json(200,
                "{\"identifier\":\"" + resourceId + "\",\"hasCompetentAuthority\":{\"organization\":\"" + OWNER
                        + "\",\"orgcode\":\"etat\"},\"accessListMode\":\"Enabled\"}"));
        var notOwner = client.put("/broker/api/v1/resource/" + resourceId, ISSUER.enterprise(SENDER, "altinn:serviceowner"), "{}");
        assertThat(notOwner.status()).as("owned by another organisation in the registry").isEqualTo(401);
        assertThat(client.put("/broker/api/v1/resource/" + resourceId, ownerToken, "{}").status()).isEqualTo(204);
        assertThat(client.get("/broker/api/v1/resource/" + resourceId + "/accesslist", ownerToken).status())
                .as("access lists live in the Resource Registry in Altinn mode").isEqualTo(404);

        ALTINN.on(AltinnPolicyDecisionPoint.AUTHORIZE_PATH, Reply.json(200, "{\"response\":[{\"decision\":\"Permit\"}]}"));
        ALTINN.on(memberships(resourceId, NOT_MEMBER), Reply.json(404, ""));
        ALTINN.on(memberships(resourceId, MEMBER),
                Reply.json(200, "{\"data\":[{\"party\":\"urn:altinn:party:uuid:" + PARTY_UUID + "\"}]}"));
        ALTINN.on("register/api/v1/parties/byuuid/" + PARTY_UUID, Reply.json(200, "{\"orgNumber\":\"" + MEMBER + "\"}"));

        var notMember = client.post("/broker/api/v1/filetransfer", senderToken, initialize(resourceId, NOT_MEMBER));
        assertThat(notMember.status()).as(notMember.toString()).isEqualTo(400);
        assertThat(notMember.json().get("code").asString()).isEqualTo("BRO-00028");
        var member = client.post("/broker/api/v1/filetransfer", senderToken, initialize(resourceId, MEMBER));
        assertThat(member.status()).as(member.toString()).isEqualTo(200);
        var oneOfTwo = client.post("/broker/api/v1/filetransfer", senderToken, initialize(resourceId, MEMBER, NOT_MEMBER));
        assertThat(oneOfTwo.json().get("code").asString()).isEqualTo("BRO-00028");

        var authorize = ALTINN.requests.stream().filter(r -> r.pathAndQuery().equals(AltinnPolicyDecisionPoint.AUTHORIZE_PATH))
                .findFirst().orElseThrow();
        assertThat(authorize.body()).contains("\"value\":\"write\"").contains("\"value\":\"" + SENDER + "\"");

        ALTINN.on(AltinnPolicyDecisionPoint.AUTHORIZE_PATH, Reply.json(200, "{\"response\":[{\"decision\":\"Deny\"}]}"));
        var denied = client.post("/broker/api/v1/filetransfer", senderToken, initialize(resourceId, MEMBER));
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.json().get("code").asString()).isEqualTo("BRO-00006");
    }

    @Test
    void withTheSubscriptionKeyRequiredACallWithoutItIsRefusedBeforeItsToken() {
        BrokerClient client = new BrokerClient("http://127.0.0.1:" + port);
        String token = ISSUER.enterprise(OWNER, "altinn:serviceowner");
        var missing = client.get("/broker/api/v1/serviceowner", token);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).contains("Ocp-Apim-Subscription-Key");
        assertThat(client.get("/broker/api/v1/serviceowner", token, "Ocp-Apim-Subscription-Key", "wrong").status()).isEqualTo(401);
        assertThat(client.get("/health", null).status()).isEqualTo(200);
    }

    /** Calls with the client's subscription key, as an Altinn client sends it. */
    private record Api(BrokerClient client) {
        BrokerClient.Response get(String path, String token) {
            return client.get(path, token, "Ocp-Apim-Subscription-Key", CLIENT_KEY);
        }

        BrokerClient.Response post(String path, String token, String json) {
            return client.postJson(path, token, json, "Ocp-Apim-Subscription-Key", CLIENT_KEY);
        }

        BrokerClient.Response put(String path, String token, String json) {
            return client.send(client.request(path, token, "Content-Type", "application/json",
                    "Ocp-Apim-Subscription-Key", CLIENT_KEY).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
        }
    }

    private static String initialize(String resourceId, String... recipients) {
        String list = String.join(",", List.of(recipients).stream().map(r -> "\"0192:" + r + "\"").toList());
        return """
                {"fileName":"a.txt","resourceId":"%s","sendersFileTransferReference":"r","sender":"0192:%s","recipients":[%s]}"""
                .formatted(resourceId, SENDER, list);
    }
}
