package no.formidler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.formidler.testsupport.Scenario;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sign-ins over real HTTP, with an in-process OpenID Connect provider and a required API key: the service-owner
 * role only for the configured organisations, a new sign-in ending the session the browser held before, and the web
 * app's session-authenticated calls passing without the key a browser does not have.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSignInTest {
    private static final String CLIENT = WebAppBroker.OIDC_CLIENT;
    private static final String OWNER = Scenario.randomOrg();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final WebAppBroker BROKER = WebAppBroker.start("formidler-oidc-test-");
    private static final MockOAuth2Server OIDC = BROKER.oidc();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void brokerProperties(DynamicPropertyRegistry registry) {
        BROKER.register(registry);
        registry.add("formidler.web.oidc.service-owner-orgs", () -> OWNER);
        registry.add("formidler.api-key.required", () -> "true");
        registry.add("formidler.api-key.keys[0]", () -> "the-only-key");
    }

    @AfterAll
    static void stop() {
        OIDC.shutdown();
    }

    @Test
    void theServiceOwnerRoleIsRefusedToAnOrganisationNotConfiguredForIt() throws Exception {
        String org = Scenario.randomOrg();
        HttpResponse<String> back = signIn(org, "serviceowner");
        assertThat(back.headers().firstValue("Location")).contains("/signin?error=oidc-role");
        assertThat(sessionCookie(back)).isNull();
        HttpResponse<String> party = signIn(org, "party");
        assertThat(party.headers().firstValue("Location")).as("signed in, to the start page").contains("/");
        assertThat(sessionCookie(party)).as("the same person may still sign in as a party").isNotNull();
    }

    @Test
    void aConfiguredOrganisationSignsInAsServiceOwner() throws Exception {
        HttpResponse<String> signedIn = signIn(OWNER, "serviceowner");
        String session = sessionCookie(signedIn);
        assertThat(session).isNotNull();
        assertThat(get("/web/session", session).body()).contains("\"role\":\"serviceowner\"");
    }

    @Test
    void signingInAgainEndsTheSessionTheBrowserHeldBefore() throws Exception {
        String org = Scenario.randomOrg();
        String first = sessionCookie(signIn(org, "party"));
        String csrf = JSON.readTree(get("/web/session", first).body()).get("csrfToken").asString();
        HttpResponse<String> dev = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/web/session/dev"))
                .header("Content-Type", "application/json").header("Cookie", first)
                .header(SessionAuthenticationFilter.CSRF_HEADER, csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"orgNo\":\"" + org + "\",\"role\":\"party\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dev.statusCode()).isEqualTo(200);
        assertThat(get("/web/api/inbox", first).statusCode()).isEqualTo(401);
        assertThat(get("/web/api/inbox", sessionCookie(dev)).statusCode()).isEqualTo(200);
    }

    @Test
    void aLiveSessionNeedsNoApiKeyButACookieAloneDoesNot() throws Exception {
        String session = sessionCookie(signIn(Scenario.randomOrg(), "party"));
        String somewhere = "/broker/api/v1/filetransfer/" + java.util.UUID.randomUUID();
        HttpResponse<String> withSession = get(somewhere, session);
        assertThat(withSession.statusCode()).as(withSession.body()).isIn(403, 404);
        HttpResponse<String> forged = get(somewhere, SessionCookie.NAME + "=forged");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("Ocp-Apim-Subscription-Key");
    }

    /** The whole code flow: our login, the provider's authorize (it signs in at once), our callback. */
    private HttpResponse<String> signIn(String org, String role) throws Exception {
        OIDC.enqueueCallback(new DefaultOAuth2TokenCallback("idporten", "kari", "JWT", List.of(CLIENT),
                Map.of("orgno", org), 3600));
        HttpResponse<String> login = get("/web/oidc/login?role=" + role, null);
        assertThat(login.statusCode()).isEqualTo(302);
        String state = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> authorize = HTTP.send(HttpRequest.newBuilder(URI.create(
                login.headers().firstValue("Location").orElseThrow())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(authorize.statusCode()).isEqualTo(302);
        HttpResponse<String> callback = HTTP.send(HttpRequest.newBuilder(URI.create(
                        authorize.headers().firstValue("Location").orElseThrow())).header("Cookie", state).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(callback.statusCode()).isEqualTo(302);
        return callback;
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code name=value} of the session cookie the response sets, or null. */
    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
                .filter(c -> c.startsWith(SessionCookie.NAME + "=") && c.length() > SessionCookie.NAME.length() + 1)
                .findFirst().orElse(null);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

}
