package no.formidler.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real clamd, started by the test from the installed binary (Debian's clamav-daemon, installed by .ci/install.sh)
 * with a signature database that holds only the EICAR test signatures, so it starts in milliseconds and needs no
 * internet (reference stack.md, "ClamAV without internet"). Listens on a free TCP port and on a Unix socket.
 */
public final class ClamdProcess implements AutoCloseable {
    /** The EICAR anti-malware test file: harmless, detected by every scanner. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static ClamdProcess shared;
    private final Path dir;
    private final Path config;
    private final int port;
    private Process process;

    private ClamdProcess(Path dir, int port) {
        this.dir = dir;
        this.config = dir.resolve("clamd.conf");
        this.port = port;
    }

    /** One clamd for a whole test run (StreamMaxLength 200M), stopped when the JVM exits. */
    public static synchronized ClamdProcess shared() {
        if (shared == null) {
            shared = start("200M");
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** Starts a clamd of its own that refuses streams over {@code streamMaxLength} (clamd syntax, e.g. {@code 1M}). */
    public static ClamdProcess start(String streamMaxLength) {
        try {
            Path dir = Files.createTempDirectory("clamd-");
            Files.createDirectories(dir.resolve("db"));
            Files.writeString(dir.resolve("db/eicar.hdb"), "44d88612fea8a8f36de82e1278abb02f:68:Eicar-Test-Signature-HDB\n");
            Files.writeString(dir.resolve("db/eicar.ndb"), "Eicar-Test-Signature-NDB:0:*:"
                    + HexFormat.of().formatHex("EICAR-STANDARD-ANTIVIRUS-TEST-FILE".getBytes(StandardCharsets.US_ASCII)) + "\n");
            ClamdProcess clamd = new ClamdProcess(dir, freePort());
            Files.writeString(clamd.config, String.join("\n", List.of(
                    "DatabaseDirectory " + dir.resolve("db"),
                    "TCPSocket " + clamd.port,
                    "TCPAddr 127.0.0.1",
                    "LocalSocket " + clamd.socket(),
                    "Foreground true",
                    "LogFile " + dir.resolve("clamd.log"),
                    "PidFile " + dir.resolve("clamd.pid"),
                    "StreamMaxLength " + streamMaxLength,
                    "MaxFileSize 400M",
                    "MaxScanSize 400M",
                    "SelfCheck 0")) + "\n");
            clamd.restart();
            return clamd;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start clamd", e);
        }
    }

    public int port() {
        return port;
    }

    public Path socket() {
        return dir.resolve("clamd.sock");
    }

    /** Starts clamd (again, on the same port and socket) and waits until it answers PING. */
    public synchronized void restart() throws IOException {
        Files.deleteIfExists(socket());
        process = new ProcessBuilder(binary().toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("clamd.out").toFile())
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("clamd did not start: " + Files.readString(dir.resolve("clamd.out")));
            }
            try {
                Thread.sleep(20); // waiting for another process to open its socket: nothing to latch on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Kills clamd at once (SIGKILL), as a crash would: open connections are cut. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static Path binary() {
        return Stream.concat(Stream.of(System.getenv("PATH").split(":")), Stream.of("/usr/sbin", "/usr/local/sbin"))
                .map(d -> Path.of(d, "clamd"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "clamd is not installed: run .ci/install.sh (apt-get install -y clamav-daemon)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
