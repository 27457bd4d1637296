package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rate limits and JSON logs in a broker started as operators start it, with its own settings. */
class OperationsIT {
    private static BrokerProcess broker;
    private static BrokerClient client;

    @BeforeAll
    static void start() throws Exception {
        broker = BrokerProcess.start(Files.createTempDirectory("formidler-ops-"), Map.of(
                "formidler.rate-limits.search-per-minute", "2",
                "formidler.log.format", "json",
                // Makes every request log a line of its own, so the test can see a request's log context.
                "logging.level.org.springframework.web.servlet.DispatcherServlet", "DEBUG"));
        client = new BrokerClient(broker.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        broker.stop();
    }

    private static String token(String org, String scopes) {
        return client.get("/dev/tokens/enterprise?orgNo=" + org + "&scopes=" + scopes, null).body();
    }

    /** Read from the kernel's socket table, so that the test itself talks to nothing but loopback. */
    @Test
    void theBrokerStartedForTestsListensOnLoopbackOnly() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux only");
        String port = ":%04X".formatted(broker.port());
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) { // the first line names the columns
                String[] fields = line.trim().split("\\s+");
                if (fields[1].endsWith(port) && fields[3].equals("0A")) { // 0A: LISTEN
                    listening.add(fields[1]);
                }
            }
        }
        // 127.0.0.1 in the kernel's little-endian hex, in /proc/net/tcp or IPv4-mapped (::ffff:127.0.0.1) in tcp6
        assertThat(listening).isNotEmpty().allMatch(address -> address.equals("0100007F" + port)
                || address.equals("0000000000000000FFFF00000100007F" + port), "a loopback address");
    }

    @Test
    void theThirdSearchInAMinuteIsRefusedWith429WhileOtherEndpointsAndClientsGoOn() {
        String token = token("991825827", "altinn:broker.read");
        String search = "/broker/api/v1/filetransfer?resourceId=any";
        assertThat(client.get(search, token).status()).isNotEqualTo(429);
        assertThat(client.get(search, token).status()).isNotEqualTo(429);

        var refused = client.get(search, token);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 30L);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(problem.get("traceId").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
        assertThat(client.get("/broker/api/v1/filetransfer/00000000-0000-0000-0000-000000000001", token).status())
                .as("another endpoint has its own allowance").isNotEqualTo(429);
        assertThat(client.get(search, token("986252932", "altinn:broker.read")).status())
                .as("another client has its own allowance").isNotEqualTo(429);
    }

    @Test
    void logsAreOneJsonObjectPerLineWithTheTraceIdAndNeverTheToken() throws Exception {
        String token = token("991825827", "altinn:serviceowner");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        client.get("/broker/api/v1/serviceowner", token, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        List<String> lines = Files.readAllLines(broker.log()).stream().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode entry = BrokerClient.JSON.readTree(line);
            assertThat(entry.has("@timestamp")).isTrue();
            assertThat(entry.has("message")).isTrue();
        }
        assertThat(lines.stream().map(BrokerClient.JSON::readTree)
                .filter(entry -> entry.has("traceId") && entry.get("traceId").asString().equals(traceId)))
                .isNotEmpty()
                .anyMatch(entry -> entry.has("callerOrg") && entry.get("callerOrg").asString().equals("991825827"));
        assertThat(Files.readString(broker.log())).doesNotContain(token);
    }
}
