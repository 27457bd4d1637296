package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The reference TUS client, tus-js-client 4.3.1 under Node (src/test/node, installed by .ci/install.sh), against the
 * broker: plain chunked uploads, a connection cut mid-chunk and resumed by a new client that knows only the URL,
 * parallel partial uploads joined by a final one, and a chunk whose checksum does not match.
 */
class TusJsClientTest extends ApiTest {
    private static final Path NODE_DIR = Path.of("src", "test", "node");
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path temp;
    private Scenario s;

    @BeforeEach
    void ready() {
        assertThat(NODE_DIR.resolve("node_modules/tus-js-client")).as("run .ci/install.sh to install tus-js-client").isDirectory();
        s = scenario().ready();
    }

    @Test
    void a64MiBUploadIn5MiBChunksIsPublishedWithTheSourcesSha256() throws Exception {
        Path file = randomFile(64 * MIB, 1);
        String id = s.initialize();
        JsonNode result = run(id, file, Map.of("mode", "plain"));
        assertThat(result.get("url").asString()).endsWith(TusRequests.BASE + "/" + id);
        assertPublishedWith(id, file);
    }

    @Test
    void anUploadCutMidChunkIsResumedByANewClientFromTheStoredOffset() throws Exception {
        Path file = randomFile(64 * MIB, 2);
        String id = s.initialize();
        JsonNode result = run(id, file, Map.of("mode", "cut", "cutAfter", 12 * MIB));
        long acknowledged = result.get("cutAfterAcknowledged").asLong();
        long stored = result.get("storedAfterCut").asLong();
        assertThat(acknowledged).as("two chunks went through before the cut").isEqualTo(10L * MIB);
        assertThat(stored).as("what arrived of the cut chunk is kept").isBetween(acknowledged, 12L * MIB);
        assertPublishedWith(id, file);
    }

    @Test
    void fourParallelPartialUploadsAreJoinedInOrder() throws Exception {
        Path file = randomFile(32 * MIB + 12_345, 3);
        String id = s.initialize();
        run(id, file, Map.of("mode", "parallel"));
        assertPublishedWith(id, file);
        String history = s.details(id, s.senderToken).json().get("fileTransferStatusHistory").toString();
        assertThat(history).contains("UploadStarted", "Published");
    }

    @Test
    void aChunkWithAWrongChecksumIsRefusedAndTheUploadResumesBeforeIt() throws Exception {
        Path file = randomFile(16 * MIB, 4);
        String id = s.initialize();
        JsonNode result = run(id, file, Map.of("mode", "checksum"));
        assertThat(result.get("firstStatus").asInt()).isEqualTo(460);
        assertThat(result.get("storedAfterMismatch").asLong()).isEqualTo(5L * MIB);
        assertPublishedWith(id, file);
    }

    private JsonNode run(String transferId, Path file, Map<String, Object> extra) throws Exception {
        Map<String, Object> options = new java.util.HashMap<>(Map.of("base", client.baseUrl(), "transferId", transferId,
                "token", s.senderToken, "file", file.toAbsolutePath().toString(), "chunkSize", 5 * MIB));
        options.putAll(extra);
        Path log = temp.resolve("node.log");
        Process node = new ProcessBuilder("node", "tus-upload.mjs", BrokerClient.JSON.writeValueAsString(options))
                .directory(NODE_DIR.toFile()).redirectError(log.toFile()).start();
        String out;
        try (InputStream stdout = node.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(node.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue()).as("node failed: %s %s", out, Files.readString(log)).isZero();
        return BrokerClient.JSON.readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    private void assertPublishedWith(String id, Path file) throws Exception {
        String sha256 = sha256(file);
        JsonNode overview = s.overview(id, s.senderToken).json();
        assertThat(overview.get("fileTransferStatus").asString()).isEqualTo("Published");
        assertThat(overview.get("fileTransferSize").asLong()).isEqualTo(Files.size(file));
        assertThat(overview.get("sha256").asString()).isEqualTo(sha256);
        HttpResponse<InputStream> download = client.send(client.request("/broker/api/v1/filetransfer/" + id + "/download",
                s.recipient1Token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        try (InputStream in = download.body()) {
            assertThat(sha256(in)).as("the downloaded bytes").isEqualTo(sha256);
        }
    }

    private Path randomFile(int size, long seed) throws IOException {
        Path file = temp.resolve("source-" + seed + ".bin");
        Random random = new Random(seed);
        byte[] buffer = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < size; written += buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, Math.min(buffer.length, size - written));
            }
        }
        return file;
    }

    static String sha256(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[256 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
