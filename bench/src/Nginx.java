import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** nginx on 127.0.0.1 with WebDAV PUT, serving a directory on the same disk as the broker's data: the yardstick. */
final class Nginx implements AutoCloseable {
    private final Process process;
    final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Nginx start(Path prefix) throws Exception {
        Files.createDirectories(prefix.resolve("root"));
        Files.createDirectories(prefix.resolve("logs"));
        int port = BrokerUnderTest.freePort();
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, """
                %3$s
                worker_processes 2;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  sendfile on;
                  client_body_temp_path %1$s/body;
                  client_max_body_size 0;
                  client_body_buffer_size 1m;
                  server {
                    listen 127.0.0.1:%2$d;
                    root %1$s/root;
                    location / { dav_methods PUT DELETE; create_full_put_path on; }
                  }
                }
                """.formatted(prefix.toAbsolutePath(), port,
                        // As root, nginx's workers would run as nobody and could not write the files the broker's user can.
                        "root".equals(System.getProperty("user.name")) ? "user root;" : ""));
        Process process = new ProcessBuilder(List.of(nginxBinary(), "-c", conf.toAbsolutePath().toString(),
                "-p", prefix.toAbsolutePath().toString(), "-g", "daemon off;"))
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return new Nginx(process, port);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("nginx did not start; see " + prefix.resolve("logs"));
    }

    private static String nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nginx is not installed (bench/run installs it with apt-get)");
    }

    /** The master process; its workers are its children. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    String url(String name) {
        return "http://127.0.0.1:" + port + "/" + name;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
