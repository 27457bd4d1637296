import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * curl as the client of the throughput figures: a native process that does not compete with the broker's JVM for the
 * two cores the way a Java client in the benchmark's own JVM does, and the same client for the broker and for nginx.
 */
final class Curl {
    private Curl() {
    }

    /** Sends the file as the body ({@code -T} streams it from disk) and returns the HTTP status. */
    static int upload(String method, String url, String token, String contentType, Path file) throws Exception {
        List<String> command = base(url, token);
        command.addAll(List.of("-X", method, "-T", file.toString(), "-H", "Expect:", "-H", "Content-Type: " + contentType,
                "-o", "/dev/null", "-w", "%{http_code}"));
        return Integer.parseInt(run(command).trim());
    }

    /** Downloads (a range of) the body to /dev/null; returns the bytes received, failing on a non-2xx status. */
    static long download(String url, String token, String range) throws Exception {
        List<String> command = base(url, token);
        if (range != null) {
            command.addAll(List.of("-H", "Range: " + range));
        }
        command.addAll(List.of("-o", "/dev/null", "-w", "%{http_code} %{size_download}"));
        String[] answer = run(command).trim().split(" ");
        if (!answer[0].startsWith("2")) {
            throw new IllegalStateException("GET " + url + " answered " + answer[0]);
        }
        return Long.parseLong(answer[1]);
    }

    private static List<String> base(String url, String token) {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-S", "--http1.1", url));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        return command;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("curl exited with " + process.exitValue() + ": " + String.join(" ", command.subList(0, 5)));
        }
        return out;
    }
}
