package no.formidler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.formidler.testsupport.BrokerClient;
import tools.jackson.databind.JsonNode;

/**
 * Runs src/test/browser/journeys.mjs: playwright-core driving Debian's chromium (both installed by .ci/install.sh)
 * through the web app of a running broker. Screenshots and downloads land in {@code out}.
 */
final class BrowserJourneys {
    static final Path DIR = Path.of("src", "test", "browser");
    private final String base;
    private final Path out;

    BrowserJourneys(String base, Path out) {
        this.base = base;
        this.out = out;
    }

    static boolean installed() {
        return Files.isDirectory(DIR.resolve("node_modules/playwright-core")) && Files.isExecutable(Path.of("/usr/bin/chromium"));
    }

    JsonNode run(String mode, Map<String, Object> options) throws Exception {
        Map<String, Object> all = new HashMap<>(options);
        all.put("base", base);
        all.put("mode", mode);
        all.put("out", out.toAbsolutePath().toString());
        Files.createDirectories(out);
        Path log = out.resolve("node-" + mode + ".log");
        Process node = new ProcessBuilder("node", "journeys.mjs", BrokerClient.JSON.writeValueAsString(all))
                .directory(DIR.toFile()).redirectError(log.toFile()).start();
        String stdout;
        try (InputStream in = node.getInputStream()) {
            stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean ended = node.waitFor(8, TimeUnit.MINUTES);
        if (!ended) {
            node.destroyForcibly();
        }
        assertThat(ended).as("the browser journey %s ended in time", mode).isTrue();
        String last = stdout.strip().lines().reduce((a, b) -> b).orElse("{}");
        Files.writeString(out.resolve("result-" + mode + ".json"), last);   // timings and facts, for a reader of target/
        JsonNode result = BrokerClient.JSON.readTree(last);
        assertThat(result.path("ok").asBoolean()).as("journey %s: %s\n%s", mode, result.path("error").asString(),
                Files.readString(log)).isTrue();
        return result;
    }
}
