package no.formidler.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.formidler.client.testsupport.BrokerProcess;
import no.formidler.client.testsupport.Parties;
import no.formidler.client.testsupport.TestBroker;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maskinporten login through a real OAuth2 server (the grant as Maskinporten takes it, checked by signature), then
 * Altinn's token exchange at the broker's own endpoint, and the file sent with the exchanged token.
 */
@ExtendWith(TestBroker.class)
class MaskinportenTokensTest {
    private static final String RESOURCE = "client-maskinporten";
    private static final String KID = "test-key-1";
    @TempDir
    static Path dir;
    static BrokerProcess broker;
    static MockOAuth2Server oauth2;
    static KeyPair key;
    static Path keyFile;

    @BeforeAll
    static void setUp(BrokerProcess sharedBroker, MockOAuth2Server sharedOAuth2) throws Exception {
        broker = sharedBroker;
        oauth2 = sharedOAuth2;
        Parties.setUp(broker, RESOURCE, 1 << 20);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        keyFile = dir.resolve("client-key.pem");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    private static MaskinportenTokens.Builder grant() {
        return TokenProvider.maskinporten()
                .tokenEndpoint(oauth2.tokenEndpointUrl(TestBroker.ISSUER_ID).toString())
                .audience(oauth2.issuerUrl(TestBroker.ISSUER_ID).toString())
                .clientId("client-" + UUID.randomUUID()).keyFile(keyFile).kid(KID)
                .scopes("altinn:broker.write", "altinn:broker.read");
    }

    @Test
    void theGrantIsAnAssertionSignedWithTheClientsKeyAndKid() throws Exception {
        String token = grant().systemUserOrg(Parties.SENDER).build().token();

        JsonNode assertion = lastAssertion();
        assertThat(assertion.get("header").get("kid").asText()).isEqualTo(KID);
        assertThat(assertion.get("header").get("alg").asText()).isEqualTo("RS256");
        JsonNode claims = assertion.get("claims");
        assertThat(claims.get("aud").asText()).isEqualTo(oauth2.issuerUrl(TestBroker.ISSUER_ID).toString());
        assertThat(claims.get("iss").asText()).startsWith("client-");
        assertThat(claims.get("scope").asText()).isEqualTo("altinn:broker.write altinn:broker.read");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isLessThanOrEqualTo(120);
        assertThat(claims.get("authorization_details").get(0).get("systemuser_org").get("ID").asText())
                .isEqualTo("0192:" + Parties.SENDER);
        JsonNode issued = payload(token);
        assertThat(issued.get("iss").asText()).isEqualTo(oauth2.issuerUrl(TestBroker.ISSUER_ID).toString());
        assertThat(issued.get("consumer").get("ID").asText()).isEqualTo("0192:" + Parties.SENDER);
    }

    @Test
    void aMaskinportenTokenExchangedAtTheBrokerSendsAFile() throws Exception {
        MaskinportenTokens tokens = grant().exchangeUrl(broker.baseUrl() + "/authentication/api/v1/exchange/maskinporten").build();
        assertThat(payload(tokens.token()).get("iss").asText()).isEqualTo("formidler");

        BrokerClient sender = BrokerClient.builder().baseUrl(broker.baseUrl()).tokens(tokens).build();
        Path file = Files.writeString(dir.resolve("via-maskinporten.txt"), "sent with a Maskinporten token");
        UUID id = sender.send(FileTransferRequest.of("via-maskinporten.txt", RESOURCE, "0192:" + Parties.SENDER,
                List.of("0192:" + Parties.RECIPIENT)), file, UploadOptions.DEFAULT);

        assertThat(sender.awaitProcessed(id, Duration.ofSeconds(30)).fileTransferStatus()).isEqualTo("Published");
        assertThat(sender.overview(id).sender()).endsWith(Parties.SENDER);
    }

    @Test
    void theTokenIsKeptUntilShortlyBeforeItExpiresAndThenFetchedAgain() throws Exception {
        MutableClock clock = new MutableClock();
        MaskinportenTokens tokens = grant().clock(clock).build();
        int before = tokenRequests().size();
        String first = tokens.token();
        assertThat(tokens.token()).isSameAs(first);
        clock.advance(Duration.ofSeconds(60));
        assertThat(tokens.token()).isSameAs(first);
        clock.advance(Duration.ofSeconds(55)); // within the last tenth of its 120 s
        assertThat(tokens.token()).isNotEqualTo(first);
        assertThat(tokenRequests().size() - before).isEqualTo(2);
    }

    private static final List<RecordedRequest> TOKEN_REQUESTS = new ArrayList<>();

    /** Every token request the OAuth2 server has received so far (it also serves the broker's JWKS reads). */
    private static synchronized List<RecordedRequest> tokenRequests() {
        while (true) {
            RecordedRequest request;
            try {
                request = oauth2.takeRequest(200, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                return TOKEN_REQUESTS; // the server says so when its queue is empty
            }
            if (request.getPath() != null && request.getPath().endsWith("/token")) {
                TOKEN_REQUESTS.add(request);
            }
        }
    }

    /** The last grant's assertion, after its signature was checked with the client's public key. */
    private static JsonNode lastAssertion() throws Exception {
        List<RecordedRequest> requests = tokenRequests();
        String form = requests.get(requests.size() - 1).getBody().readUtf8();
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(fields.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        String[] parts = fields.get("assertion").split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        ObjectNode jwt = Json.MAPPER.createObjectNode();
        jwt.set("header", decode(parts[0]));
        jwt.set("claims", decode(parts[1]));
        return jwt;
    }

    private static JsonNode payload(String jwt) throws Exception {
        return decode(jwt.split("\\.")[1]);
    }

    private static JsonNode decode(String part) {
        try {
            return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(part));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
