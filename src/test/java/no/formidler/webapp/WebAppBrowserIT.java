package no.formidler.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import no.formidler.testsupport.BrokerProcess;
import no.formidler.testsupport.MailApiTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The web app in a real browser against the broker with its built pages (dev sign-in on, OIDC against a real
 * provider run here): the whole journey of two
 * organisations, an upload cut by going offline and resumed after a reload, a service owner setting up a resource
 * for a sender, a recipient's notification address ending in a mail (GreenMail), axe-core on every page in both
 * languages, and the XSS corpus. Screenshots: target/webapp-browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAppBrowserIT {
    private static final int MIB = 1024 * 1024;
    private static final Path OUT = Path.of("target", "webapp-browser");
    private static final AtomicInteger ORGS = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private static final String OIDC_CLIENT = WebAppBroker.OIDC_CLIENT;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final WebAppBroker BROKER = WebAppBroker.start("formidler-webapp-it-");
    private static final Path DATA_DIR = BROKER.dataDir();
    private static final MockOAuth2Server OIDC = BROKER.oidc();
    private static final int SMTP_PORT = BrokerProcess.freePort();
    private static final GreenMail SMTP = MailApiTest.startSmtp(SMTP_PORT);
    private static Path dataDir = DATA_DIR;
    private static String baseUrl;
    private static BrowserJourneys browser;

    @LocalServerPort
    int port;
    @Autowired
    Scheduler scheduler;

    @DynamicPropertySource
    static void brokerProperties(DynamicPropertyRegistry registry) {
        BROKER.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeEach
    void ready() {
        assumeTrue(BrowserJourneys.installed() || System.getenv("CI") != null,
                "run .ci/install.sh for playwright-core and chromium");
        baseUrl = "http://127.0.0.1:" + port;
        browser = new BrowserJourneys(baseUrl, OUT);
    }

    @AfterAll
    static void stop() {
        OIDC.shutdown();
        SMTP.stop();
    }


    @Test
    void twoOrganisationsSendReceiveDownloadAndConfirmInTheBrowser() throws Exception {
        Setup s = resource(1_000_000_000L);
        String stranger = orgNo();
        Path big = randomFile("big-200MiB.bin", 200 * MIB, 1);
        Path small = randomFile("small-note.txt", 12_345, 2);
        JsonNode r = browser.run("journey", Map.of("sender", s.sender, "recipient", s.recipient, "stranger", stranger,
                "resource", s.resource, "files", List.of(big.toAbsolutePath().toString(), small.toAbsolutePath().toString())));
        assertThat(r.get("sha256").get(0).asString()).as("SHA-256 shown when published").isEqualTo(sha256(big));
        assertThat(r.get("sha256").get(1).asString()).isEqualTo(sha256(small));
        assertThat(Files.mismatch(Path.of(r.get("downloads").get(0).asString()), big)).as("byte-identical").isEqualTo(-1);
        assertThat(Files.mismatch(Path.of(r.get("downloads").get(1).asString()), small)).isEqualTo(-1);
        assertThat(r.get("reloadsOfInbox").asInt()).as("the inbox was never reloaded").isZero();
        assertThat(r.get("confirmedTimelines").asInt()).as("the sender sees both confirmations").isEqualTo(2);
        assertThat(r.get("strangerSees").asString()).contains("not found");
        assertThat(r.get("strangerSeesName").asInt()).isZero();
        assertThat(r.get("storage").asString()).as("no token in web storage").doesNotContain("eyJ");
    }

    @Test
    void anUploadCutByGoingOfflineIsResumedAfterAReloadAndEndsByteIdentical() throws Exception {
        Setup s = resource(1_000_000_000L);
        Path file = randomFile("offline-40MiB.bin", 40 * MIB, 3);
        JsonNode r = browser.run("offline", Map.of("sender", s.sender, "recipient", s.recipient, "resource", s.resource,
                "file", file.toAbsolutePath().toString(), "bytesPerSecond", 4 * MIB));
        assertThat(r.get("resumedFrom").asLong()).as("resumed from the stored offset, not from 0").isPositive();
        assertThat(r.get("sha256").asString()).isEqualTo(sha256(file));
        String id = transferOf(s, "offline");
        assertThat(sha256(download(s, id))).isEqualTo(sha256(file));
    }

    @Test
    void theSenderWithdrawsAPublishedTransferAfterAConfirmationAndTheTimelineSaysWhy() throws Exception {
        Setup s = resource(1_000_000L);
        Path file = randomFile("to-withdraw.txt", 2048, 6);
        JsonNode r = browser.run("withdraw", Map.of("sender", s.sender, "recipient", s.recipient, "resource", s.resource,
                "file", file.toAbsolutePath().toString(), "reason", "Sent to the wrong office"));
        assertThat(r.get("cancelledBeforeConfirming").asBoolean()).as("nothing happens before the confirmation").isFalse();
        assertThat(r.get("status").asString()).contains("Cancelled", "Sent to the wrong office");
        assertThat(r.get("timeline").asString()).contains("FileTransfer cancelled by the sender: Sent to the wrong office");
        assertThat(r.get("withdrawButtons").asInt()).as("no second withdrawal offered").isZero();
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/broker/api/v1/filetransfer/"
                + r.get("transferId").asString() + "/download")).header("Authorization", "Bearer " + s.recipientToken)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void aRecipientRegistersAnAddressInTheBrowserAndAPublishedTransferIsMailedThere() throws Exception {
        Setup s = resource(1_000_000L);
        String address = "post-" + s.recipient + "@example.no";
        JsonNode r = browser.run("notifications", Map.of("org", s.recipient, "resource", s.resource, "address", address,
                "typingSlip", "post at example.no", "refusedByTheBroker", "post..office@example.no"));
        assertThat(r.get("typingSlip").asString()).as("checked in the page").contains("Write an e-mail address like");
        assertThat(r.get("refusedByTheBroker").asInt()).as("the broker's own check, shown at the field").isEqualTo(400);
        assertThat(r.get("refusedMessage").asString()).contains("Write an e-mail address like");
        assertThat(r.get("afterReload").get("address").asString()).isEqualTo(address);
        assertThat(r.get("afterReload").get("resource").asString()).isEqualTo(s.resource);
        assertThat(r.get("afterReload").get("language").asString()).isEqualTo("en");

        String id = initializeAndUpload(s, "mailed.txt");
        MimeMessage mail = mailTo(address, Duration.ofSeconds(60));
        assertThat(mail.getSubject()).isEqualTo("A file for you: mailed.txt");
        assertThat(GreenMailUtil.getWholeMessage(mail)).contains("/transfer/" + id);
    }

    private MimeMessage mailTo(String address, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            scheduler.triggerCheckForDueExecutions();
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                    return m;
                }
            }
            SMTP.waitForIncomingEmail(500, SMTP.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + address + " within " + within);
    }

    @Test
    void aServiceOwnerCreatesAResourceAndItsRulesAndASenderSendsOnIt() throws Exception {
        String owner = orgNo();
        String sender = orgNo();
        String recipient = orgNo();
        Path file = randomFile("on-new-resource.txt", 4096, 4);
        Path tooBig = randomFile("too-big.bin", 2 * MIB, 5);
        JsonNode r = browser.run("admin", Map.of("owner", owner, "sender", sender, "recipient", recipient,
                "resource", "web-owned-" + owner, "maxSize", MIB, "file", file.toAbsolutePath().toString(),
                "tooBig", tooBig.toAbsolutePath().toString()));
        assertThat(r.get("tooBig").asString()).contains("at most");
        assertThat(r.get("sha256").asString()).isEqualTo(sha256(file));
    }

    @Test
    void fileNamesReferencesAndPropertiesWithMarkupAreShownAsTextAndNoScriptRuns() throws Exception {
        Setup s = resource(1_000_000_000L);
        String longName = "n".repeat(251) + ".txt";
        List<String> names = List.of("<script>window.__xss=1</script>.txt", "\"><img src=x onerror=\"window.__xss=1\">.txt",
                "invoice\u202Etxt.exe", longName);
        List<String> payloads = List.of("<script>window.__xss=1</script>", "\" onerror=\"window.__xss=1",
                "<img src=x onerror=window.__xss=1>", "\u202Ereversed");
        JsonNode r = browser.run("xss", Map.of("sender", s.sender, "recipient", s.recipient, "resource", s.resource,
                "names", names, "payloads", payloads));
        assertThat(r.get("scriptRan").asBoolean()).isFalse();
        assertThat(r.get("dialogs").asInt()).isZero();
        assertThat(r.get("injectedElements").asInt()).isZero();
        List<String> shown = new ArrayList<>();
        r.get("shownNames").forEach(n -> shown.add(n.asString()));
        assertThat(shown).as("markup shown as text; a right-to-left override shown by name, not obeyed")
                .containsExactlyInAnyOrder(names.get(0), names.get(1), "invoice[U+202E]txt.exe", longName);
        assertThat(r.get("detailReference").asString() + r.get("detailProperty").asString()).doesNotContain("\u202E");
    }

    @Test
    void everyPageInBothLanguagesHasNoSeriousOrCriticalAxeViolation() throws Exception {
        Setup s = resource(1_000_000_000L);
        String id = initializeAndUpload(s, "axe.txt");
        JsonNode r = browser.run("axe", Map.of("sender", s.recipient, "owner", s.owner,
                "transferId", id));
        assertThat(r.get("pages").asInt()).isEqualTo(2 * 7 * 2);
        assertThat(r.get("violations").toString()).isEqualTo("[]");
    }

    @Test
    void aPersonSignsInThroughTheOidcProviderAndOutAgain() throws Exception {
        String org = orgNo();
        OIDC.enqueueCallback(new DefaultOAuth2TokenCallback("idporten", "kari", "JWT", List.of(OIDC_CLIENT),
                Map.of("orgno", org), 3600));
        JsonNode r = browser.run("oidc", Map.of("orgNo", org));
        assertThat(r.get("signedInAs").asString()).contains(org);
        assertThat(r.get("afterSignOut").asBoolean()).isFalse();
        assertThat(r.get("cookies").toString()).doesNotContain("\"httpOnly\":false");
    }

    // --- set-up through the API, with development tokens --------------------------------------------------------

    record Setup(String owner, String sender, String recipient, String resource, String ownerToken, String recipientToken) {
    }

    private static Setup resource(long maxSize) throws Exception {
        String owner = orgNo();
        String sender = orgNo();
        String recipient = orgNo();
        String ownerToken = token(owner, "altinn:serviceowner altinn:broker.write altinn:broker.read");
        String recipientToken = token(recipient, "altinn:broker.read");
        String resource = "web-" + owner;
        call("POST", "/broker/api/v1/serviceowner", ownerToken, "{\"name\":\"Owner " + owner + "\"}");
        call("PUT", "/broker/api/v1/resource/" + resource, ownerToken, "{\"maxFileTransferSize\":" + maxSize + "}");
        call("PUT", "/broker/api/v1/resource/" + resource + "/policy", ownerToken, """
                {"rules":[{"subjects":["0192:%s"],"actions":["write","read"]},{"subjects":["0192:%s"],"actions":["read"]}]}"""
                .formatted(sender, recipient));
        return new Setup(owner, sender, recipient, resource, ownerToken, recipientToken);
    }

    private static String initializeAndUpload(Setup s, String name) throws Exception {
        String senderToken = token(s.sender, "altinn:broker.write altinn:broker.read");
        String body = call("POST", "/broker/api/v1/filetransfer", senderToken, """
                {"fileName":"%s","resourceId":"%s","sendersFileTransferReference":"axe","sender":"0192:%s","recipients":["0192:%s"]}"""
                .formatted(name, s.resource, s.sender, s.recipient));
        String id = body.replaceAll(".*\"fileTransferId\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/broker/api/v1/filetransfer/" + id + "/upload"))
                .header("Authorization", "Bearer " + senderToken).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
        return id;
    }

    private static String transferOf(Setup s, String reference) throws Exception {
        String sender = token(s.sender, "altinn:broker.read altinn:broker.write");
        String ids = call("GET", "/broker/api/v1/filetransfer?resourceId=" + s.resource, sender, null);
        return ids.replaceAll("^\\[\"([^\"]+)\".*", "$1");
    }

    private static Path download(Setup s, String id) throws Exception {
        Path target = Files.createTempFile(dataDir, "download-", ".bin");
        HttpResponse<Path> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/broker/api/v1/filetransfer/" + id + "/download"))
                .header("Authorization", "Bearer " + s.recipientToken).GET().build(), HttpResponse.BodyHandlers.ofFile(target));
        assertThat(response.statusCode()).isEqualTo(200);
        return target;
    }

    private static String token(String org, String scopes) throws Exception {
        return call("GET", "/dev/tokens/enterprise?orgNo=" + org + "&scopes=" + URLEncoder.encode(scopes, StandardCharsets.UTF_8), null, null);
    }

    private static String call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return response.body();
    }

    /** A fresh organisation number with a valid mod-11 check digit. */
    static String orgNo() {
        int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
        while (true) {
            String prefix = String.format("%08d", 80_000_000 + ORGS.incrementAndGet());
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += weights[i] * (prefix.charAt(i) - '0');
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return prefix + check;
            }
        }
    }

    private static Path randomFile(String name, int size, long seed) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("sources-" + seed));
        Path file = dir.resolve(name);
        Random random = new Random(seed);
        byte[] buffer = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < size; written += buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, Math.min(buffer.length, size - written));
            }
        }
        return file;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
