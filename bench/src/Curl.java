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
        return fetch(url, token, range).bytes();
    }

    /** What a download received, and how long after the request was sent its first byte came. */
    record Fetched(long bytes, double firstByteSeconds) {
    }

    /** As {@link #download}, with the time to the first byte as curl measures it. */
    static Fetched fetch(String url, String token, String range) throws Exception {
        List<String> command = base(url, token);
        if (range != null) {
            command.addAll(List.of("-H", "Range: " + range));
        }
        command.addAll(List.of("-o", "/dev/null", "-w", "%{http_code} %{size_download} %{time_starttransfer}"));
        String[] answer = run(command).trim().split(" ");
        if (!answer[0].startsWith("2")) {
            throw new IllegalStateException("GET " + url + " answered " + answer[0]);
        }
        return new Fetched(Long.parseLong(answer[1]), Double.parseDouble(answer[2]));
    }

    /** GETs each range of the URL in turn over one kept-alive connection; fails unless every answer is 206. */
    static void fetches(String url, String token, List<String> ranges) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-S", "--http1.1"));
        for (int i = 0; i < ranges.size(); i++) {
            if (i > 0) {
                command.add("--next");
            }
            command.add(url);
            if (token != null) {
                command.addAll(List.of("-H", "Authorization: Bearer " + token));
            }
            command.addAll(List.of("-H", "Range: " + ranges.get(i), "-o", "/dev/null", "-w", "%{http_code}\\n"));
        }
        String answers = run(command);
        if (!answers.lines().allMatch("206"::equals) || answers.lines().count() != ranges.size()) {
            throw new IllegalStateException("Ranged GETs of " + url + " answered " + answers.lines().distinct().toList());
        }
    }

    /**
     * PATCHes the chunk files in turn to one TUS upload, over one kept-alive connection (one curl, {@code --next}
     * between requests); fails unless every answer is 204.
     */
    static void tusPatches(String url, String token, List<Path> chunks, List<Long> offsets) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-S", "--http1.1"));
        for (int i = 0; i < chunks.size(); i++) {
            if (i > 0) {
                command.add("--next");
            }
            command.addAll(List.of(url, "-X", "PATCH", "-T", chunks.get(i).toString(), "-H", "Expect:",
                    "-H", "Authorization: Bearer " + token, "-H", "Tus-Resumable: 1.0.0",
                    "-H", "Content-Type: application/offset+octet-stream", "-H", "Upload-Offset: " + offsets.get(i),
                    "-o", "/dev/null", "-w", "%{http_code}\\n"));
        }
        String answers = run(command);
        if (!answers.lines().allMatch("204"::equals) || answers.lines().count() != chunks.size()) {
            throw new IllegalStateException("TUS PATCHes to " + url + " answered " + answers.lines().toList());
        }
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
