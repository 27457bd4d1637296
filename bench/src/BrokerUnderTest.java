import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The broker as its own process, started from the packaged jar, with the time it took to answer /health. */
final class BrokerUnderTest implements AutoCloseable {
    private final Process process;
    private final int port;
    final Duration startup;

    private BrokerUnderTest(Process process, int port, Duration startup) {
        this.process = process;
        this.port = port;
        this.startup = startup;
    }

    static BrokerUnderTest start(Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "-jar", "target/formidler.jar",
                "--server.port=" + port, "--formidler.data-dir=" + dataDir,
                "--formidler.events.allow-private-endpoints=true", "--formidler.rate-limits.enabled=false",
                "--logging.level.root=WARN"));
        // BENCH_BROKER_ARGS: more settings to try, e.g. "--formidler.http.socket-buffer=256KB".
        String more = System.getenv().getOrDefault("BENCH_BROKER_ARGS", "").trim();
        if (!more.isEmpty()) {
            command.addAll(List.of(more.split("\\s+")));
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("broker.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The broker exited; see " + dataDir.resolve("broker.log"));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return new BrokerUnderTest(process, port, Duration.ofNanos(System.nanoTime() - started));
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The broker did not start within 300 s");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
