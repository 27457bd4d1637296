package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.formidler.testsupport.BrokerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example collections (examples/postman, examples/bruno) run against a freshly started standalone broker with
 * development tokens, so they never rot. The tools come from examples/node_modules, which .ci/install.sh installs;
 * without them the test is skipped, unless FORMIDLER_REQUIRE_EXAMPLE_TOOLS is set (as .ci/run does).
 */
class ExampleCollectionsIT {
    private static final Path EXAMPLES = Path.of("examples").toAbsolutePath();
    private static BrokerProcess broker;

    @BeforeAll
    static void start() throws Exception {
        broker = BrokerProcess.start(Files.createTempDirectory("formidler-examples-"), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        broker.stop();
    }

    private static Path tool(String name) {
        Path tool = EXAMPLES.resolve("node_modules/.bin/" + name);
        boolean required = System.getenv("FORMIDLER_REQUIRE_EXAMPLE_TOOLS") != null;
        if (required) {
            assertThat(tool).as("installed by .ci/install.sh").isExecutable();
        }
        Assumptions.assumeTrue(Files.isExecutable(tool), name + " is not installed: run .ci/install.sh");
        return tool;
    }

    private static void run(Path workingDirectory, List<String> command) throws Exception {
        Path output = Files.createTempFile("formidler-collection-", ".log");
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output);
        Files.deleteIfExists(output);
        assertThat(finished && process.exitValue() == 0).as(log).isTrue();
    }

    @Test
    void thePostmanWalkThroughPassesWithNewman() throws Exception {
        Path newman = tool("newman");
        run(EXAMPLES, List.of(newman.toString(), "run", "postman/formidler.postman_collection.json",
                "--env-var", "baseUrl=" + broker.baseUrl(), "--bail", "--disable-unicode", "--color", "off"));
    }

    @Test
    void theBrunoWalkThroughPasses() throws Exception {
        Path bru = tool("bru");
        run(EXAMPLES.resolve("bruno"), List.of(bru.toString(), "run", "--env", "standalone",
                "--env-var", "baseUrl=" + broker.baseUrl(), "--bail"));
    }
}
