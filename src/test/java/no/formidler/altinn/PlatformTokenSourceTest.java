package no.formidler.altinn;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.MaskinportenGrants;
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Status;

/**
 * The broker's platform token in Altinn platform mode, fetched from a real Maskinporten-compatible endpoint and
 * exchanged at a real exchange endpoint: this test's standalone broker plays both (its client registered by JWKS).
 */
class PlatformTokenSourceTest extends ApiTest {
    private static final String SCOPE = Scenario.READ;

    private MaskinportenClientSettings settings(String tokenUrl, Duration renewBefore) {
        return new MaskinportenClientSettings(MaskinportenGrants.CLIENT_ID, tokenUrl, "formidler-maskinporten", SCOPE, null, null, null, null,
                null, renewBefore, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(5));
    }

    private PlatformTokenSource source(MaskinportenClientSettings settings, ClientKey key, Clock clock) {
        return new PlatformTokenSource(settings, key, URI.create(client.baseUrl() + "/authentication/api/v1/exchange/maskinporten"),
                Optional.of("subscription-key"), HttpClient.newHttpClient(), clock);
    }

    private ClientKey jwkFileKey() throws Exception {
        Path file = Files.createTempFile(DATA_DIR, "client", ".json");
        Files.writeString(file, MASKINPORTEN_CLIENT.key().toJSONString());
        return ClientKey.read(file, null, null, null);
    }

    @Test
    void theTokenIsFetchedExchangedCachedAndAcceptedByTheBroker() throws Exception {
        var source = source(settings(client.baseUrl() + "/maskinporten/token", Duration.ofSeconds(60)), jwkFileKey(),
                Clock.systemUTC());
        String token = source.current().orElseThrow();
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssuer()).as("exchanged at Altinn Authentication").isEqualTo("formidler");
        assertThat(claims.getJSONObjectClaim("consumer")).containsEntry("ID", "0192:" + MaskinportenGrants.CLIENT_ORG);
        assertThat(source.current()).as("cached until it is due for renewal").contains(token);
        Scenario s = scenario().ready();
        s.policy("{\"rules\":[{\"subjects\":[\"0192:%s\"],\"actions\":[\"read\"]}]}".formatted(MaskinportenGrants.CLIENT_ORG));
        var search = client.get("/broker/api/v1/filetransfer?resourceId=" + s.resourceId, token);
        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        assertThat(health(source).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aTokenWithinItsRenewalWindowIsRenewed() throws Exception {
        // Maskinporten's token lives 120 s: renewing 121 s before expiry renews on every use.
        var source = source(settings(client.baseUrl() + "/maskinporten/token", Duration.ofSeconds(121)), jwkFileKey(),
                Clock.systemUTC());
        String first = source.current().orElseThrow();
        String second = source.current().orElseThrow();
        assertThat(SignedJWT.parse(second).getJWTClaimsSet().getJWTID())
                .isNotEqualTo(SignedJWT.parse(first).getJWTClaimsSet().getJWTID());
    }

    @Test
    void whileMaskinportenIsDownAttemptsBackOffAndReadinessIsDown() throws Exception {
        TestClock clock = new TestClock();
        // Nothing listens on port 1 of the loopback interface: the connection is refused at once.
        var source = source(settings("http://127.0.0.1:1/token", Duration.ofSeconds(60)), jwkFileKey(), clock);
        assertThat(source.current()).isEmpty();
        assertThat(source.state().failures()).isEqualTo(1);
        assertThat(source.current()).isEmpty();
        assertThat(source.state().failures()).as("no new attempt before the backoff").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        source.current();
        assertThat(source.state().failures()).isEqualTo(2);
        assertThat(source.state().nextAttempt()).isBetween(clock.instant().plusMillis(1500), clock.instant().plusSeconds(2));
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(10));
            source.current();
        }
        assertThat(source.state().nextAttempt()).as("4 s, 8 s, then capped at 8 s")
                .isBetween(clock.instant().plusMillis(7500), clock.instant().plusSeconds(8));

        var health = health(source);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("failedAttempts", 5)
                .containsEntry("lastError", "Maskinporten did not answer: ConnectException");
    }

    @Test
    void theClientKeyIsReadFromPkcs8Pem() throws Exception {
        var rsa = MASKINPORTEN_CLIENT.key();
        Path pem = Files.createTempFile(DATA_DIR, "client", ".pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rsa.toRSAPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        var source = source(settings(client.baseUrl() + "/maskinporten/token", Duration.ofSeconds(60)),
                ClientKey.read(pem, null, null, rsa.getKeyID()), Clock.systemUTC());
        assertThat(source.current()).isPresent();
    }

    @Test
    void theClientKeyIsReadFromPkcs12() throws Exception {
        Path p12 = DATA_DIR.resolve("client-" + System.nanoTime() + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "client", "-dname", "CN=formidler-test",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "secret", "-keypass", "secret")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        ClientKey key = ClientKey.read(p12, "secret", null, "kid-1");

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            store.load(in, "secret".toCharArray());
        }
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key.privateKey());
        signer.update("grant".getBytes());
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(store.getCertificate("client").getPublicKey());
        verifier.update("grant".getBytes());
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(key.kid()).isEqualTo("kid-1");
    }

    private static org.springframework.boot.health.contributor.Health health(PlatformTokenSource source) {
        var beans = new StaticListableBeanFactory(Map.of("token", source));
        return new PlatformTokenHealthIndicator(beans.getBeanProvider(PlatformAccessToken.class)).health();
    }
}
