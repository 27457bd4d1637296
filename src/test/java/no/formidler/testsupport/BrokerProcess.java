package no.formidler.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The broker as a separate operating-system process ({@code java -jar target/formidler.jar}), for tests that kill
 * it with SIGKILL, restart it on the same data, or run several nodes. Used by integration tests ({@code *IT}),
 * which run after the jar is packaged. Its output goes to {@code <dataDir>/broker-<port>.log}.
 */
public final class BrokerProcess implements AutoCloseable {
    private static final Path SHARED_SECRETS_KEY = sharedSecretsKey();

    private static final Path JAR = Path.of("target", "formidler.jar");
    private final Process process;
    private final int port;
    private final Path log;

    private BrokerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a broker on a free port with {@code properties} (Spring Boot names) and waits until /health is 200. */
    public static BrokerProcess start(Path dataDir, Map<String, String> properties) {
        return start(dataDir, freePort(), properties);
    }

    public static BrokerProcess start(Path dataDir, int port, Map<String, String> properties) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after `mvn package`");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", JAR.toString(),
                // Tests talk only to loopback: the broker must not listen on the machine's other interfaces.
                "--server.address=127.0.0.1", "--server.port=" + port, "--formidler.data-dir=" + dataDir));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        if (!properties.containsKey("formidler.secrets.key-file")) {
            // Nodes of one cluster share their database, so they must share the key that seals its secrets.
            command.add("--formidler.secrets.key-file=" + SHARED_SECRETS_KEY);
        }
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolve("broker-" + port + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            BrokerProcess broker = new BrokerProcess(process, port, log);
            try {
                // Generous: on a loaded shared machine a cold start (PostgreSQL extraction included) has taken over 90 s.
                broker.awaitHealthy(Duration.ofSeconds(240));
            } catch (RuntimeException e) {
                // Nobody holds a handle to a broker that never came up: stop it here, or it outlives the test.
                broker.kill();
                throw e;
            }
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** kill -9: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A graceful stop (SIGTERM). */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The broker exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The broker did not become healthy within " + timeout + "; see " + log);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path sharedSecretsKey() {
        try {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            Path file = Files.createTempDirectory("formidler-secrets-").resolve("secrets.key");
            Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
