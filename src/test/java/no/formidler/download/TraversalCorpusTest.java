package no.formidler.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerClient.Response;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Path traversal, tried through every name and metadata field a client sets (file name, sender's reference, property
 * keys and values, resource id, TUS Upload-Metadata): no client text reaches a path. The stored blob lives where its
 * key says ({@code blobs/<owner>/<transfer>/<random id>}), nothing else appears in the data directory, and the
 * download's Content-Disposition stays one well-formed header (RFC 6266 with RFC 8187 {@code filename*}).
 */
class TraversalCorpusTest extends ApiTest {
    static final List<String> CORPUS = List.of(
            "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fescaped.txt", "..%2F..%2Fx",
            "%c0%ae%c0%ae/overlong", "\u00c0\u00ae\u00c0\u00ae/overlong-as-text", "/absolute/path.txt", "C:\\boot.ini",
            "\\\\server\\share\\x", "CON", "nul.txt", "COM1", "LPT9.log", "aux", "A\u030a.txt", "\u212b.txt",
            "\ufb01le.txt", "x".repeat(255), "y".repeat(300), "name\r\nSet-Cookie: a=b", "quote\".txt\"; filename=evil.exe",
            "semi;colon*star'tick.txt", "back\\slash.txt", "emoji-\ud83d\ude00.pdf", "tab\tand\u007fdel", "./.", "..",
            "file://etc/passwd", "space at end ", "\u202eexe.pdf", "%00.txt", "a/b/c");
    // The RFC 8187 ext-value: charset '' then attr-chars and %XX only.
    private static final Pattern DISPOSITION = Pattern.compile(
            "^attachment; filename=\"([\\x20-\\x7e&&[^\"\\\\]]*)\"; filename\\*=UTF-8''((?:[A-Za-z0-9!#$&+\\-.^_`|~]|%[0-9A-F]{2})*)$");
    private static final Pattern BLOB = Pattern.compile("^blobs/\\d{9}/[0-9a-f-]{36}/[0-9a-f-]{36}$");

    @ParameterizedTest(name = "{index}")
    @FieldSource("CORPUS")
    void aHostileNameInEveryFieldStaysOutOfEveryPathAndOutOfTheHeaders(String name) throws IOException {
        Scenario s = scenario().ready();
        Set<Path> before = dataFiles();
        String json = s.initializeJson("placeholder", List.of(s.recipient1), "\"propertyList\":{%s:%s}"
                .formatted(quoted(name.length() > 50 ? name.substring(0, 50) : name), quoted(name)));
        json = json.replace("\"placeholder\"", quoted(name.length() > 255 ? name.substring(0, 255) : name))
                .replace("\"ref-1\"", quoted(name));
        Response initialized = client.postJson("/broker/api/v1/filetransfer", s.senderToken, json);
        assertThat(initialized.status()).as(initialized.toString()).isEqualTo(200);
        String id = initialized.json().get("fileTransferId").asString();
        assertThat(s.upload(id, "content".getBytes()).status()).isEqualTo(200);

        Response download = s.download(id, s.recipient1Token);
        assertThat(download.status()).isEqualTo(200);
        String disposition = download.header("Content-Disposition");
        Matcher header = DISPOSITION.matcher(disposition);
        assertThat(header.matches()).as(disposition).isTrue();
        assertThat(URLDecoder.decode(header.group(2), StandardCharsets.UTF_8))
                .isEqualTo(name.length() > 255 ? name.substring(0, 255) : name);
        assertThat(download.raw().headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("Set-Cookie"));

        Set<Path> created = dataFiles();
        created.removeAll(before);
        assertThat(created).allSatisfy(p -> assertThat(p.toString().replace('\\', '/')).matches(BLOB));
        assertThat(storedFiles(s, id)).hasSize(1);
        assertNothingAt(name);
    }

    @ParameterizedTest(name = "{index}")
    @FieldSource("CORPUS")
    void aHostileResourceIdCreatesNoPath(String name) throws IOException {
        Scenario s = scenario().ready();
        Set<Path> before = dataFiles();
        String encoded = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        Response put = client.putJson("/broker/api/v1/resource/" + encoded, s.ownerToken, "{}");
        assertThat(put.status()).as(put.toString()).isLessThan(500);
        Response initialized = client.postJson("/broker/api/v1/filetransfer", s.senderToken,
                s.initializeJson("a.txt", List.of(s.recipient1), "").replace("\"" + s.resourceId + "\"", quoted(name)));
        assertThat(initialized.status()).as(initialized.toString()).isBetween(400, 499);
        Set<Path> created = dataFiles();
        created.removeAll(before);
        assertThat(created).isEmpty();
        assertNothingAt(name);
    }

    @Test
    void aHostileTusFileNameIsKeptAsMetadataAndReachesNoPath() throws IOException {
        Scenario s = scenario().ready();
        for (String name : CORPUS) {
            Set<Path> before = dataFiles();
            String id = s.initialize();
            String metadata = "filename " + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
            Response created = client.post("/broker/api/v1/filetransfer/upload/tus/" + id, s.senderToken,
                    HttpRequest.BodyPublishers.noBody(), "Tus-Resumable", "1.0.0", "Upload-Length", "7",
                    "Upload-Metadata", metadata);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            Response head = client.send(client.request("/broker/api/v1/filetransfer/upload/tus/" + id, s.senderToken,
                    "Tus-Resumable", "1.0.0").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(head.header("Upload-Metadata")).isEqualTo(metadata);
            Response patched = client.send(client.request("/broker/api/v1/filetransfer/upload/tus/" + id, s.senderToken,
                            "Tus-Resumable", "1.0.0", "Upload-Offset", "0", "Content-Type", "application/offset+octet-stream")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("content")).build());
            assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
            Set<Path> after = dataFiles();
            after.removeAll(before);
            assertThat(after).allSatisfy(p -> assertThat(p.toString().replace('\\', '/')).matches(BLOB));
            assertNothingAt(name);
        }
    }

    @Test
    void theFileNameHeaderIsWellFormedForEveryCharacterOfTheBasicPlane() {
        for (char c = 1; c < 0xd800; c++) {
            String name = "a" + c + "b";
            Matcher header = DISPOSITION.matcher(DownloadController.contentDisposition(name));
            assertThat(header.matches()).as("U+%04X", (int) c).isTrue();
            assertThat(URLDecoder.decode(header.group(2), StandardCharsets.UTF_8)).isEqualTo(name);
        }
    }

    /** Files in the data directory, the database's own excepted (PostgreSQL writes there all the time). */
    private static Set<Path> dataFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            return files.filter(Files::isRegularFile).map(DATA_DIR::relativize)
                    .filter(p -> !p.startsWith("db") && !p.startsWith("postgres") && !p.startsWith("pgdata"))
                    .collect(Collectors.toCollection(java.util.HashSet::new));
        }
    }

    /** The name, read as a path against each directory a blob passes through, names nothing. */
    private static void assertNothingAt(String name) {
        for (Path base : List.of(DATA_DIR, DATA_DIR.resolve("blobs"), DATA_DIR.resolve("blobs/.incoming"),
                DATA_DIR.resolve(".incoming"), DATA_DIR.getParent())) {
            try {
                Path candidate = base.resolve(name).normalize();
                if (!candidate.equals(Path.of("/etc/passwd"))) {
                    assertThat(Files.isRegularFile(candidate)).as(candidate.toString()).isFalse();
                }
            } catch (InvalidPathException e) {
                // not a path on this system at all
            }
        }
    }

    private static String quoted(String text) {
        return BrokerClient.JSON.writeValueAsString(text);
    }
}
