package no.formidler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/** A provider whose discovery document is not JSON: the sign-in goes back to the sign-in page, not to a 500. */
class OidcProviderFaultTest {
    private HttpServer provider;

    @AfterEach
    void stop() {
        provider.stop(0);
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aDiscoveryDocumentThatIsNotJsonSendsThePersonBackWithAnError() throws Exception {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/", exchange -> {
            byte[] body = "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        var properties = new WebOidcProperties("http://127.0.0.1:" + provider.getAddress().getPort(), "client", null,
                "openid", "orgno", null);
        var controller = new OidcSignInController(properties, new OidcProvider(properties, JsonMapper.builder().build()), null);
        var request = new MockHttpServletRequest("GET", "/web/oidc/login");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        var answer = controller.login("party", request);

        assertThat(answer.getStatusCode().value()).isEqualTo(302);
        assertThat(answer.getHeaders().getLocation()).hasToString("/signin?error=oidc-provider");
    }
}
