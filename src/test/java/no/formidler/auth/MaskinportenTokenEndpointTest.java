package no.formidler.auth;

import static no.formidler.testsupport.MaskinportenGrants.CLIENT_ORG;
import static no.formidler.testsupport.MaskinportenGrants.DELEGATING_ORG;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.formidler.system.FormidlerProperties;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.MaskinportenGrants;
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /maskinporten/token} with a registered client (its key at a JWKS URL): the JWT-bearer grant as
 * Maskinporten checks it, Maskinporten's JSON answer and token claims, and the broker and the exchange accepting it.
 */
class MaskinportenTokenEndpointTest extends ApiTest {
    private static final String WRITE_READ = Scenario.WRITE + " " + Scenario.READ;
    private static final String EXCHANGE = "/authentication/api/v1/exchange/maskinporten";

    @Autowired
    private FormidlerProperties properties;

    /** The token endpoint under the configured public base URL, which a grant's aud may name. */
    private String aud() {
        return properties.publicBaseUrl().replaceAll("/+$", "") + "/maskinporten/token";
    }

    private BrokerClient.Response grant(String scope, Consumer<JWTClaimsSet.Builder> claims) {
        return MaskinportenGrants.post(client, MaskinportenGrants.grant(MASKINPORTEN_CLIENT, aud(), scope, claims));
    }

    @Test
    void aRegisteredClientGetsMaskinportensAnswerAndTheBrokerAndTheExchangeAcceptTheToken() throws Exception {
        Scenario s = scenario().ready();
        s.policy("{\"rules\":[{\"subjects\":[\"0192:%s\"],\"actions\":[\"write\",\"read\"]}]}".formatted(CLIENT_ORG));

        var answer = grant(WRITE_READ, c -> { });
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        var json = answer.json();
        assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.get("expires_in").asInt()).isEqualTo(120);
        assertThat(json.get("scope").asString()).isEqualTo(WRITE_READ);
        String token = json.get("access_token").asString();
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("formidler-maskinporten");
        assertThat(claims.getStringClaim("client_id")).isEqualTo(MaskinportenGrants.CLIENT_ID);
        assertThat(claims.getStringClaim("scope")).isEqualTo(WRITE_READ);
        assertThat(claims.getJSONObjectClaim("consumer")).containsEntry("ID", "0192:" + CLIENT_ORG)
                .containsEntry("authority", "iso6523-actorid-upis");
        assertThat(claims.getClaim("authorization_details")).isNull();

        String transfer = s.initializeJson("a.txt", List.of(CLIENT_ORG), "").replace("0192:" + s.sender, "0192:" + CLIENT_ORG);
        assertThat(client.postJson("/broker/api/v1/filetransfer", token, transfer).status()).isEqualTo(200);
        var exchanged = client.get(EXCHANGE, token, "Accept", "application/json");
        assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(200);
        assertThat(client.postJson("/broker/api/v1/filetransfer", exchanged.json().asString(), transfer).status())
                .isEqualTo(200);
    }

    @Test
    void aSystemUserGrantGivesMaskinportensAuthorizationDetailsAndActsForTheSystemUsersOrganisation() throws Exception {
        Scenario s = scenario().ready();
        s.policy("{\"rules\":[{\"subjects\":[\"0192:%s\"],\"actions\":[\"write\"]}]}".formatted(DELEGATING_ORG));
        var answer = grant(Scenario.WRITE, c -> c.claim("authorization_details", MaskinportenGrants.systemUserDetails(DELEGATING_ORG)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        String token = answer.json().get("access_token").asString();
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getJSONObjectClaim("consumer")).containsEntry("ID", "0192:" + CLIENT_ORG);
        var details = (Map<?, ?>) ((List<?>) claims.getClaim("authorization_details")).get(0);
        assertThat(details.get("type")).isEqualTo("urn:altinn:systemuser");
        assertThat(details.get("systemuser_org").toString()).contains("0192:" + DELEGATING_ORG);
        assertThat((List<?>) details.get("systemuser_id")).hasSize(1);
        String transfer = s.initializeJson("a.txt", List.of(s.recipient1), "").replace("0192:" + s.sender, "0192:" + DELEGATING_ORG);
        assertThat(client.postJson("/broker/api/v1/filetransfer", token, transfer).status()).isEqualTo(200);
    }

    @Test
    void aSupplierNamesItsConsumerWithConsumerOrg() throws Exception {
        var answer = grant(Scenario.READ, c -> c.claim("consumer_org", DELEGATING_ORG));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        var claims = SignedJWT.parse(answer.json().get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getJSONObjectClaim("consumer")).containsEntry("ID", "0192:" + DELEGATING_ORG);
        assertThat(claims.getJSONObjectClaim("supplier")).containsEntry("ID", "0192:" + CLIENT_ORG);
    }

    @Test
    void grantsMaskinportenWouldRefuseAreRefusedWithOAuthErrors() {
        Instant now = Instant.now();
        try (TestIssuer impostor = TestIssuer.start(MaskinportenGrants.CLIENT_ID)) {
            assertRefused(MaskinportenGrants.post(client, MaskinportenGrants.grant(impostor, aud(), Scenario.READ, c -> { })),
                    "invalid_grant");
        }
        assertRefused(MaskinportenGrants.post(client, MaskinportenGrants.grant(UNTRUSTED, aud(), Scenario.READ, c -> { })),
                "invalid_client");
        assertRefused(grant(Scenario.READ, c -> c.audience("https://elsewhere.example/token")), "invalid_grant");
        assertRefused(grant(Scenario.READ, c -> c.expirationTime(Date.from(now.plusSeconds(600)))), "invalid_grant");
        assertRefused(grant(Scenario.READ, c -> c.issueTime(Date.from(now.minusSeconds(300)))
                .expirationTime(Date.from(now.minusSeconds(200)))), "invalid_grant");
        assertRefused(grant("altinn:serviceowner", c -> { }), "invalid_scope");
        assertRefused(grant(Scenario.READ, c -> c.claim("consumer_org", Scenario.randomOrg())), "invalid_grant");
        assertRefused(grant(Scenario.READ, c -> c.claim("authorization_details",
                MaskinportenGrants.systemUserDetails(Scenario.randomOrg()))), "invalid_grant");
        assertRefused(MaskinportenGrants.post(client, "client_credentials",
                MaskinportenGrants.grant(MASKINPORTEN_CLIENT, aud(), Scenario.READ, c -> { })), "unsupported_grant_type");
        assertRefused(MaskinportenGrants.post(client, "not a jwt"), "invalid_grant");
    }

    @Test
    void aReplayedAssertionIsRefusedAndOneWithoutJtiToo() {
        String assertion = MaskinportenGrants.grant(MASKINPORTEN_CLIENT, aud(), Scenario.READ, c -> { });
        var first = MaskinportenGrants.post(client, assertion);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        var again = MaskinportenGrants.post(client, assertion);
        assertRefused(again, "invalid_grant");
        assertThat(again.json().get("error_description").asString()).contains("used before");
        assertRefused(grant(Scenario.READ, c -> c.jwtID(null)), "invalid_grant");
    }

    @Test
    void anAudienceNamingTheHostTheRequestClaimsIsRefused() throws Exception {
        // The server sees http (no TLS, no forwarding headers trusted), so the http form is what a Host-built URL gives.
        for (String evil : List.of("https://evil.example/maskinporten/token", "http://evil.example/maskinporten/token")) {
            String answer = postWithHost("evil.example", MaskinportenGrants.grant(MASKINPORTEN_CLIENT, evil, Scenario.READ, c -> { }));
            assertThat(answer).as(evil).startsWith("HTTP/1.1 400").contains("\"invalid_grant\"").contains("Invalid audience");
        }
    }

    /** A raw POST to loopback whose Host header names another host (java.net.http will not let a test set Host). */
    private String postWithHost(String host, String assertion) throws Exception {
        byte[] body = ("grant_type=" + URLEncoder.encode(MaskinportenGrants.JWT_BEARER, StandardCharsets.UTF_8)
                + "&assertion=" + assertion).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /maskinporten/token HTTP/1.1\r\nHost: " + host + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theTokensOfTheEndpointAreNotTrustedWhenSignedByAnyoneElse() {
        try (TestIssuer forger = TestIssuer.start("formidler-maskinporten")) {
            String forged = forger.maskinporten(CLIENT_ORG, Scenario.WRITE);
            assertThat(client.get("/broker/api/v1/filetransfer?resourceId=x", forged).status()).isEqualTo(401);
        }
    }

    private static void assertRefused(BrokerClient.Response response, String error) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).as(response.toString()).isEqualTo(error);
        assertThat(response.json().get("error_description").asString()).isNotBlank();
    }
}
