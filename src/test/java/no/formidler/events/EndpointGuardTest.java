package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook endpoints cannot point into the broker's own network unless private endpoints are allowed. */
class EndpointGuardTest {
    private final EndpointGuard strict = new EndpointGuard(properties(false));

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefused() {
        assertThat(strict.refusal("http://127.0.0.1:8080/hook")).isPresent();
        assertThat(strict.refusal("http://localhost/hook")).isPresent();
        assertThat(strict.refusal("http://10.1.2.3/hook")).isPresent();
        assertThat(strict.refusal("http://192.168.0.1/hook")).isPresent();
        assertThat(strict.refusal("http://172.16.0.1/hook")).isPresent();
        assertThat(strict.refusal("http://169.254.169.254/latest/meta-data")).isPresent();
        assertThat(strict.refusal("http://100.64.0.1/hook")).isPresent();
        assertThat(strict.refusal("http://[::1]/hook")).isPresent();
        assertThat(strict.refusal("http://[fd00::1]/hook")).isPresent();
        assertThat(strict.refusal("http://0.0.0.0/hook")).isPresent();
    }

    /** Issue 17, finding 7: IPv4 hidden in IPv6, and the reserved ranges, are refused too (decisions only, no traffic). */
    @ParameterizedTest
    @ValueSource(strings = {"[::127.0.0.1]", "[::7f00:1]", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]", "[64:ff9b::7f00:1]",
            "[64:ff9b::a9fe:a9fe]", "[64:ff9b:1::a00:1]", "[2002:7f00:1::]", "[2002:c0a8:101::1]", "[2001:0:4136:e378::1]",
            "[2001:db8::1]", "[100::1]", "[fec0::1]", "[ff02::1]", "[::]",
            "240.0.0.1", "255.255.255.255", "198.18.0.1", "198.19.255.255", "192.0.0.8", "192.0.2.1", "198.51.100.1",
            "203.0.113.1", "224.0.0.1", "0.1.2.3"})
    void addressesInsideOrHiddenInReservedRangesAreRefused(String host) {
        assertThat(strict.refusal("http://" + host + "/hook")).as(host).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "[2606:2800:21f:cb07:6820:80da:af6b:8b2c]", "[64:ff9b::5db8:d70e]", "[2002:5db8:d70e::1]",
            "198.17.255.255", "198.20.0.1", "192.0.1.1", "223.255.255.254"})
    void publicAddressesAreAccepted(String host) {
        assertThat(strict.refusal("http://" + host + "/hook")).as(host).isEmpty();
    }

    /**
     * DNS rebinding: the host is resolved once per delivery and the connection goes to exactly the address that was
     * checked. A resolver that would answer differently the second time is asked once; only 127.0.0.1 is called.
     */
    @Test
    void aDeliveryConnectsToTheAddressThatWasCheckedWithoutASecondLookup() throws Exception {
        List<String> hostHeaders = new CopyOnWriteArrayList<>();
        HttpServer checked = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        checked.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host") + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        checked.start();
        try {
            int port = checked.getAddress().getPort();
            AtomicInteger lookups = new AtomicInteger();
            EndpointGuard.Resolver rebinding = host -> new InetAddress[] {
                    InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")};
            EndpointGuard guard = new EndpointGuard(properties(true), rebinding);

            EndpointGuard.Decision decision = guard.check("http://hooks.rebind.invalid:" + port + "/hook?x=1");
            Optional<String> failure = new WebhookClient(properties(true)).post(decision.endpoint().orElseThrow(),
                    "{}".getBytes(StandardCharsets.UTF_8), "webhook-id", "1");

            assertThat(failure).isEmpty();
            assertThat(lookups).hasValue(1);
            assertThat(hostHeaders).containsExactly("hooks.rebind.invalid:" + port + " /hook?x=1");
        } finally {
            checked.stop(0);
        }
    }

    @Test
    void onlyHttpAndHttpsWithAHostAndNoUserInfoAreAccepted() {
        assertThat(strict.refusal("ftp://93.184.215.14/x")).isPresent();
        assertThat(strict.refusal("file:///etc/passwd")).isPresent();
        assertThat(strict.refusal("http://user:pw@93.184.215.14/x")).isPresent();
        assertThat(strict.refusal("not a url")).isPresent();
        assertThat(strict.refusal("https://93.184.215.14/hook")).isEmpty();
    }

    @Test
    void privateAddressesAreAllowedWhenConfigured() {
        assertThat(new EndpointGuard(properties(true)).refusal("http://127.0.0.1:8080/hook")).isEmpty();
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        EventProperties p = new EventProperties(false, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(24),
                Duration.ofSeconds(1), Duration.ofSeconds(10), 1, "");
        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.backoff(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.backoff(500)).isEqualTo(Duration.ofSeconds(10));
    }

    private static EventProperties properties(boolean allowPrivate) {
        return new EventProperties(allowPrivate, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofHours(24),
                Duration.ofSeconds(1), Duration.ofSeconds(10), 1, "");
    }
}
