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

    /** Whether starts use ./start's AOT cache; off for --quick, whose training start would take longer than CI's run. */
    static boolean aot = true;

    /** Builds ./start's extracted jar and AOT cache for the jar just built; returns how long that took, in seconds. */
    static double prepare() throws Exception {
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder("./start", "--prepare").inheritIO();
        builder.environment().put("JAVA_OPTS", "-Xmx2g");
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("./start --prepare failed with exit code " + exit);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static BrokerUnderTest start(Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        int port = freePort();
        long started = System.nanoTime();
        // As an operator starts it: ./start, which runs the extracted jar with the JDK's AOT cache (Bench prepares it
        // first, so that no measured start includes the training).
        List<String> command = new ArrayList<>(List.of("./start",
                "--server.port=" + port, "--formidler.data-dir=" + dataDir,
                "--formidler.events.allow-private-endpoints=true", "--formidler.rate-limits.enabled=false",
                "--logging.level.root=WARN"));
        // BENCH_BROKER_ARGS: more settings to try, e.g. "--formidler.http.socket-buffer=256KB".
        String more = System.getenv().getOrDefault("BENCH_BROKER_ARGS", "").trim();
        if (!more.isEmpty()) {
            command.addAll(List.of(more.split("\\s+")));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_OPTS", "-Xmx2g");
        builder.environment().put("FORMIDLER_AOT", aot ? "1" : "0");
        Process process = builder
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
