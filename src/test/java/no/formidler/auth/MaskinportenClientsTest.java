package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client's JWKS URL is read with bounded timeouts: a JWKS host that never answers refuses the grant, fast. */
class MaskinportenClientsTest {

    @Test
    void aJwksHostThatNeverAnswersRefusesTheGrantWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            // Accepts the connection (the backlog does that) and never writes a byte back.
            var client = new MaskinportenClients(List.of(new MaskinportenSettings.Client("silent-client", "991825827", null,
                    "http://127.0.0.1:" + silent.getLocalPort() + "/jwks", List.of(), List.of())), Clock.systemUTC())
                    .find("silent-client").orElseThrow();
            assertTimeoutPreemptively(Duration.ofSeconds(8), () -> assertThatThrownBy(() -> client.key("k1"))
                    .isInstanceOf(MaskinportenGrant.Refused.class).hasMessageContaining("JWKS"));
        }
    }
}
