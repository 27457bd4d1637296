package no.formidler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.Optional;
import no.formidler.auth.Organization;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The session cookie as the web app's stand-in for a bearer token: the same scope and access checks decide, a
 * state-changing request needs the CSRF token, sign-out ends it, and bearer-token clients are not touched.
 */
class SessionAuthenticationTest extends ApiTest {
    @Autowired
    WebSessions sessions;
    private Scenario s;
    private String id;

    @BeforeEach
    void published() {
        s = scenario().ready();
        id = s.publish("hello".getBytes());
    }

    private WebSessions.Started signIn(String org) {
        return sessions.start(new Organization(org), SignInRole.PARTY);
    }

    private static String cookie(WebSessions.Started session) {
        return SessionCookie.NAME + "=" + session.cookie();
    }

    @Test
    void aRecipientsSessionListsItsInboxAndReadsTheTransferAsItsTokenWould() {
        var session = signIn(s.recipient1);
        var inbox = client.get("/web/api/inbox", null, "Cookie", cookie(session));
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains(id);
        assertThat(client.get("/broker/api/v1/filetransfer/" + id, null, "Cookie", cookie(session)).status()).isEqualTo(200);
        assertThat(client.get("/broker/api/v1/filetransfer/" + id + "/download", null, "Cookie", cookie(session)).body())
                .isEqualTo("hello");
    }

    @Test
    void aTransferOnAResourceWhoseRulesNoLongerLetTheOrganisationReadLeavesItsLists() {
        var recipient = signIn(s.recipient1);
        var sender = signIn(s.sender);
        s.policy("""
                {"rules":[{"subjects":["0192:%s"],"actions":["read"]}]}""".formatted(s.recipient2));
        assertThat(client.get("/web/api/inbox", null, "Cookie", cookie(recipient)).body()).doesNotContain(id);
        assertThat(client.get("/web/api/sent", null, "Cookie", cookie(sender)).body()).doesNotContain(id);
        assertThat(client.get("/web/api/inbox", null, "Cookie", cookie(signIn(s.recipient2))).body())
                .as("the organisation still granted read keeps it").contains(id);
    }

    @Test
    void anotherOrganisationsTransferIsRefusedThroughTheSessionAsThroughTheApi() {
        var outsider = signIn(s.outsider);
        var overview = client.get("/broker/api/v1/filetransfer/" + id + "/details", null, "Cookie", cookie(outsider));
        assertThat(overview.status()).isIn(401, 403, 404);
        assertThat(client.get("/broker/api/v1/filetransfer/" + id + "/download", null, "Cookie", cookie(outsider)).status())
                .isIn(401, 403, 404);
        assertThat(client.get("/web/api/inbox", null, "Cookie", cookie(outsider)).body()).doesNotContain(id);
    }

    @Test
    void aStateChangingRequestWithTheCookieButWithoutTheCsrfTokenIsRefused() {
        var session = signIn(s.recipient1);
        var refused = client.post("/broker/api/v1/filetransfer/" + id + "/confirmdownload", null,
                HttpRequest.BodyPublishers.noBody(), "Cookie", cookie(session));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains(SessionAuthenticationFilter.CSRF_HEADER);
        var wrong = client.post("/broker/api/v1/filetransfer/" + id + "/confirmdownload", null,
                HttpRequest.BodyPublishers.noBody(), "Cookie", cookie(session), "X-CSRF-Token", "guessed");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(s.status(id)).isEqualTo("Published");
        client.get("/broker/api/v1/filetransfer/" + id + "/download", null, "Cookie", cookie(session));
        var confirmed = client.post("/broker/api/v1/filetransfer/" + id + "/confirmdownload", null,
                HttpRequest.BodyPublishers.noBody(), "Cookie", cookie(session), "X-CSRF-Token", session.session().csrfToken());
        assertThat(confirmed.status()).as(confirmed.toString()).isIn(200, 204);
    }

    @Test
    void theSessionsScopesStillDecide() {
        var owner = sessions.start(new Organization(s.recipient1), SignInRole.SERVICE_OWNER);
        assertThat(client.get("/broker/api/v1/filetransfer/" + id, null, "Cookie", cookie(owner)).status())
                .as("a service-owner session carries no broker.read").isEqualTo(403);
        assertThat(client.get("/web/api/inbox", null, "Cookie", cookie(owner)).status()).isEqualTo(403);
        assertThat(client.get("/web/api/resources/sendable", null, "Cookie", cookie(owner)).status()).isEqualTo(403);
        var party = signIn(s.sender);
        assertThat(client.get("/broker/api/v1/resource/" + s.resourceId, null, "Cookie", cookie(party)).status())
                .as("a party session carries no serviceowner scope").isEqualTo(403);
        assertThat(client.get("/web/api/resources/owned", null, "Cookie", cookie(party)).status()).isEqualTo(403);
    }

    /** Spring answers HEAD with the GET handler, so HEAD must be refused wherever GET is. */
    @Test
    void theSessionsScopesDecideHeadAsTheyDecideGet() {
        var owner = sessions.start(new Organization(s.recipient1), SignInRole.SERVICE_OWNER);
        for (String path : new String[] {"/web/api/inbox", "/web/api/sent", "/web/api/resources/sendable",
                "/web/api/resources/receivable", "/broker/api/v1/filetransfer/" + id + "/receipts"}) {
            assertThat(head(path, cookie(owner)).status()).as("HEAD " + path).isEqualTo(403);
        }
        assertThat(head("/web/api/resources/owned", cookie(signIn(s.sender))).status()).isEqualTo(403);
        assertThat(head("/web/api/inbox", cookie(signIn(s.recipient1))).status()).isEqualTo(200);
    }

    private BrokerClient.Response head(String path, String cookie) {
        return client.send(client.request(path, null, "Cookie", cookie)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void signingOutEndsTheSession() {
        var session = signIn(s.recipient1);
        var out = client.post("/web/session/signout", null, HttpRequest.BodyPublishers.noBody(), "Cookie", cookie(session),
                "X-CSRF-Token", session.session().csrfToken());
        assertThat(out.status()).isEqualTo(204);
        assertThat(client.get("/web/api/inbox", null, "Cookie", cookie(session)).status()).isEqualTo(401);
        assertThat(client.get("/web/session", null, "Cookie", cookie(session)).json().get("signedIn").asBoolean()).isFalse();
    }

    @Test
    void signingInAgainEndsTheEarlierSession() {
        var first = signIn(s.recipient1);
        var second = sessions.replace(Optional.of(first.cookie()), new Organization(s.recipient1), SignInRole.PARTY);
        assertThat(client.get("/web/api/inbox", null, "Cookie", cookie(first)).status()).isEqualTo(401);
        assertThat(client.get("/web/api/inbox", null, "Cookie", cookie(second)).status()).isEqualTo(200);
    }

    @Test
    void eachOrganisationsSessionsAreARateLimitClientOfTheirOwn() {
        assertThat(clientId(signIn(s.sender))).isEqualTo("formidler-web:" + s.sender);
        assertThat(clientId(signIn(s.recipient1))).isEqualTo("formidler-web:" + s.recipient1);
    }

    private static String clientId(WebSessions.Started session) {
        String payload = session.session().token().split("\\.")[1];
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(payload)).get("client_id").asString();
    }

    @Test
    void aBearerTokenClientIsNotTouchedByACookie() {
        var outsider = signIn(s.outsider);
        var response = client.get("/broker/api/v1/filetransfer/" + id, s.recipient1Token, "Cookie", cookie(outsider));
        assertThat(response.status()).isEqualTo(200);
        var confirm = client.post("/broker/api/v1/filetransfer/" + id + "/confirmdownload", s.recipient2Token,
                HttpRequest.BodyPublishers.noBody(), "Cookie", cookie(outsider));
        assertThat(confirm.status()).as("no CSRF token needed with a bearer token").isNotEqualTo(403);
    }

    @Test
    void anUnknownCookieAuthenticatesNothing() {
        assertThat(client.get("/web/api/inbox", null, "Cookie", SessionCookie.NAME + "=forged").status()).isEqualTo(401);
        var session = client.get("/web/session", null, "Cookie", SessionCookie.NAME + "=forged").json();
        assertThat(session.get("signedIn").asBoolean()).isFalse();
    }

    @Test
    void theDevelopmentSignInIsAbsentWhileDevTokensAreOff() {
        var response = client.postJson("/web/session/dev", null, "{\"orgNo\":\"" + s.sender + "\",\"role\":\"party\"}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void theOidcSignInIsAbsentWhileNoProviderIsConfigured() {
        assertThat(client.get("/web/oidc/login", null).status()).isEqualTo(404);
        assertThat(client.get("/web/oidc/callback?code=x&state=y", null).status()).isEqualTo(404);
    }

    @Test
    void aSendersSessionOffersOnlyTheResourcesItsRulesLetItSendOn() {
        var sender = signIn(s.sender);
        assertThat(client.get("/web/api/resources/sendable", null, "Cookie", cookie(sender)).body()).contains(s.resourceId);
        var recipient = signIn(s.recipient1);
        assertThat(client.get("/web/api/resources/sendable", null, "Cookie", cookie(recipient)).body())
                .doesNotContain(s.resourceId);
    }

    @Test
    void notificationSettingsAreTheSessionsOwnOrganisationsAndChangeOnlyWithTheCsrfToken() {
        String settings = "/broker/api/v1/notifications/settings";
        String address = "post-" + s.recipient1 + "@example.no";
        String mine = """
                {"addresses":[{"channel":"email","address":"%s","resourceId":"%s"}]}""".formatted(address, s.resourceId);
        var recipient = signIn(s.recipient1);
        assertThat(client.putJson(settings, null, mine, "Cookie", cookie(recipient)).status()).as("no CSRF token").isEqualTo(403);
        assertThat(client.putJson(settings, null, mine, "Cookie", cookie(recipient),
                "X-CSRF-Token", recipient.session().csrfToken()).status()).isEqualTo(200);

        var outsider = signIn(s.outsider);
        var seen = client.get(settings, null, "Cookie", cookie(outsider));
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).as("another organisation sees its own, empty settings").doesNotContain(address);
        assertThat(client.putJson(settings, null, "{\"addresses\":[]}", "Cookie", cookie(outsider),
                "X-CSRF-Token", outsider.session().csrfToken()).status()).isEqualTo(200);
        assertThat(client.get(settings, null, "Cookie", cookie(recipient)).body())
                .as("its replacement changed only its own").contains(address);
        var owner = sessions.start(new Organization(s.recipient1), SignInRole.SERVICE_OWNER);
        assertThat(client.get(settings, null, "Cookie", cookie(owner)).status()).as("no broker scope").isEqualTo(403);
    }

    @Test
    void aRecipientsSessionOffersForItsAddressesOnlyTheResourcesItMayReceiveOn() {
        assertThat(client.get("/web/api/resources/receivable", null, "Cookie", cookie(signIn(s.recipient1))).body())
                .contains(s.resourceId);
        assertThat(client.get("/web/api/resources/receivable", null, "Cookie", cookie(signIn(s.outsider))).body())
                .doesNotContain(s.resourceId);
        var owner = sessions.start(new Organization(s.recipient1), SignInRole.SERVICE_OWNER);
        assertThat(client.get("/web/api/resources/receivable", null, "Cookie", cookie(owner)).status()).isEqualTo(403);
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() {
        String csp = client.get("/inbox", null).header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
    }
}
