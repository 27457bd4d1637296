package no.formidler.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests: one broker on a random port with embedded PostgreSQL in a temporary data directory,
 * shared by every test class (Spring caches the context). Tokens come from a test issuer over a real JWKS endpoint;
 * the development issuer is off. Tests stay independent by using fresh organisations and resources ({@link Scenario}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiTest.TestClockConfiguration.class)
public abstract class ApiTest {
    protected static final TestIssuer ISSUER = TestIssuer.start("https://test-issuer.formidler.local/");
    protected static final TestIssuer OTHER_ISSUER = TestIssuer.start("https://second-issuer.formidler.local/");
    protected static final TestIssuer UNTRUSTED = TestIssuer.start("https://untrusted.formidler.local/");
    /** A client registered at the broker's Maskinporten-compatible endpoint; its JWKS holds the key it signs grants with. */
    protected static final TestIssuer MASKINPORTEN_CLIENT = TestIssuer.start(MaskinportenGrants.CLIENT_ID);
    protected static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    protected BrokerClient client;

    /** The broker's clock; advance it to test expiry and other time rules. */
    @Autowired
    protected TestClock clock;

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @DynamicPropertySource
    static void brokerProperties(DynamicPropertyRegistry registry) {
        registry.add("formidler.data-dir", DATA_DIR::toString);
        registry.add("formidler.dev-tokens.enabled", () -> "false");
        registry.add("formidler.rate-limits.enabled", () -> "false");
        registry.add("formidler.auth.issuers[0].issuer", ISSUER::issuer);
        registry.add("formidler.auth.issuers[0].jwks-uri", ISSUER::jwksUri);
        registry.add("formidler.auth.issuers[1].issuer", OTHER_ISSUER::issuer);
        registry.add("formidler.auth.issuers[1].jwks-uri", OTHER_ISSUER::jwksUri);
        registry.add("formidler.maskinporten.clients[0].client-id", () -> MaskinportenGrants.CLIENT_ID);
        registry.add("formidler.maskinporten.clients[0].org-number", () -> MaskinportenGrants.CLIENT_ORG);
        registry.add("formidler.maskinporten.clients[0].jwks-uri", MASKINPORTEN_CLIENT::jwksUri);
        registry.add("formidler.maskinporten.clients[0].scopes", () -> "altinn:broker.write,altinn:broker.read");
        registry.add("formidler.maskinporten.clients[0].acts-for", () -> MaskinportenGrants.DELEGATING_ORG);
        // Webhook receivers in tests listen on 127.0.0.1; retries come quickly so failure tests stay short.
        registry.add("formidler.events.allow-private-endpoints", () -> "true");
        registry.add("formidler.events.first-retry", () -> "200ms");
        registry.add("formidler.events.max-retry-interval", () -> "2s");
        // The tests sweep expired TUS uploads themselves; the recurring sweep (on the test clock) must not race them.
        registry.add("formidler.tus.sweep-interval", () -> "P3650D");
    }

    @BeforeEach
    void connect() {
        client = new BrokerClient("http://127.0.0.1:" + port);
    }

    protected Scenario scenario() {
        return new Scenario(client, ISSUER);
    }

    /** The files stored for a transfer, finished or not (the filesystem store under {@link #DATA_DIR}). */
    protected static List<Path> storedFiles(Scenario s, String id) throws IOException {
        Path dir = DATA_DIR.resolve("blobs").resolve(s.owner).resolve(id);
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("formidler-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
