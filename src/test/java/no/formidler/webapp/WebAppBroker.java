package no.formidler.webapp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The broker the web app's sign-in tests start: a data directory of its own, the development sign-in on, rate limits
 * off, and OpenID Connect against a provider run here ({@link #oidc}, the {@code idporten} issuer).
 */
record WebAppBroker(Path dataDir, MockOAuth2Server oidc) {
    static final String OIDC_CLIENT = "formidler-web";

    static WebAppBroker start(String dataDirPrefix) {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start(InetAddress.getLoopbackAddress(), 0);
        try {
            return new WebAppBroker(Files.createTempDirectory(dataDirPrefix), server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("formidler.data-dir", dataDir::toString);
        registry.add("formidler.dev-tokens.enabled", () -> "true");
        registry.add("formidler.rate-limits.enabled", () -> "false");
        registry.add("formidler.web.oidc.issuer", () -> oidc.issuerUrl("idporten").toString());
        registry.add("formidler.web.oidc.client-id", () -> OIDC_CLIENT);
        registry.add("formidler.web.oidc.client-secret", () -> "not-checked-by-the-mock");
    }
}
