package no.formidler.client.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.nimbusds.oauth2.sdk.TokenRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real broker for the client's tests, trusting a real OAuth2 server (NAV's mock-oauth2-server) as Maskinporten:
 * its issuer {@value #ISSUER_ID} answers the JWT-bearer grant with a token carrying the assertion's claims and a
 * Maskinporten {@code consumer} for {@link Parties#SENDER}. Given to any test method or {@code @BeforeAll} asking
 * for a {@link BrokerProcess} or {@link MockOAuth2Server}; stopped when the test run ends.
 */
public final class TestBroker implements ParameterResolver {
    public static final String ISSUER_ID = "maskinporten";

    /**
     * What Maskinporten adds to a JWT grant's claims: the client's organisation as {@code consumer}. (The server's
     * JSON-configured callbacks need a {@code client_id} parameter, which Maskinporten's grant does not send.)
     */
    private static final class MaskinportenConsumer implements OAuth2TokenCallback {
        @Override
        public String issuerId() {
            return ISSUER_ID;
        }

        @Override
        public String subject(TokenRequest request) {
            return null;
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return "JWT";
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return List.of();
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            return Map.of("consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + Parties.SENDER));
        }

        @Override
        public long tokenExpiry() {
            return 120;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == BrokerProcess.class || type == MockOAuth2Server.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Handle handle = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("formidler-client-broker", key -> new Handle(), Handle.class);
        return parameter.getParameter().getType() == BrokerProcess.class ? handle.broker : handle.oauth2;
    }

    // AutoCloseable too: newer JUnit versions close only those.
    private static final class Handle implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final MockOAuth2Server oauth2;
        final Path dataDir;
        final BrokerProcess broker;

        Handle() {
            try {
                oauth2 = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(),
                        Set.of(new MaskinportenConsumer())));
                oauth2.start(InetAddress.getByName("127.0.0.1"), 0);
                dataDir = Files.createTempDirectory("formidler-client-broker");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker = BrokerProcess.start(dataDir, Map.of("formidler.rate-limits.enabled", "false",
                    "formidler.events.allow-private-endpoints", "true",
                    "formidler.auth.issuers[0].issuer", oauth2.issuerUrl(ISSUER_ID).toString(),
                    "formidler.auth.issuers[0].jwks-uri", oauth2.jwksUrl(ISSUER_ID).toString()));
        }

        @Override
        public void close() throws InterruptedException, IOException {
            broker.close();
            oauth2.shutdown();
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
