package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import org.junit.jupiter.api.Test;

/**
 * Two broker nodes on one PostgreSQL and one data directory: an upload's PATCHes alternate between them, each node
 * sees the other's offset, and a PATCH on one node while the other is writing the same upload gets 423.
 */
class TusTwoNodesIT {
    private static final int MIB = 1024 * 1024;

    @Test
    void patchesAlternatingBetweenTwoNodesMakeOneIntactFile() throws Exception {
        byte[] file = new byte[12 * MIB + 77];
        new Random(9).nextBytes(file);
        Path dataDir = Files.createTempDirectory("formidler-tus-nodes-");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(dataDir.resolve("pg-runtime").toFile()).start()) {
            Map<String, String> database = Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username", "postgres");
            try (BrokerProcess a = BrokerProcess.start(dataDir, database);
                 BrokerProcess b = BrokerProcess.start(dataDir, database)) {
                BrokerClient clientA = new BrokerClient(a.baseUrl());
                BrokerClient clientB = new BrokerClient(b.baseUrl());
                DevTokenCast cast = new DevTokenCast(clientA);
                String id = cast.initialize(clientB);
                String url = TusRequests.BASE + "/" + id;
                List<TusRequests> nodes = List.of(new TusRequests(clientA, cast.senderToken), new TusRequests(clientB, cast.senderToken));
                assertThat(nodes.get(1).create(id, file.length).status()).isEqualTo(201);

                int offset = 0;
                for (int i = 0; offset < 6 * MIB; i++, offset += MIB) {
                    var response = nodes.get(i % 2).patch(url, offset, Arrays.copyOfRange(file, offset, offset + MIB));
                    assertThat(response.status()).as(response.toString()).isEqualTo(204);
                    assertThat(nodes.get((i + 1) % 2).head(url).header("Upload-Offset")).isEqualTo(String.valueOf(offset + MIB));
                }

                byte[] chunk = Arrays.copyOfRange(file, offset, offset + 2 * MIB);
                try (Socket writing = DevTokenCast.halfSentPatch(a.baseUrl(), url, cast.senderToken, offset, chunk, MIB)) {
                    UploadLocks.awaitPatchInProgress(postgres.getJdbcUrl("postgres", "postgres"), "postgres", Duration.ofMinutes(1));
                    int other = nodes.get(1).patch(url, offset, "x".getBytes()).status();
                    int seenByB = other;
                    writing.getOutputStream().write(chunk, MIB, MIB);
                    writing.getOutputStream().flush();
                    String answer = new String(writing.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    assertThat(seenByB).as("node B while node A writes; A answered %s", answer).isEqualTo(423);
                    assertThat(answer.lines().findFirst().orElse("")).isEqualTo("HTTP/1.1 204 ");
                }
                offset += 2 * MIB;

                for (int i = 0; offset < file.length; i++) {
                    int size = Math.min(MIB, file.length - offset);
                    var response = nodes.get(i % 2).patch(url, offset, Arrays.copyOfRange(file, offset, offset + size));
                    assertThat(response.status()).as(response.toString()).isEqualTo(204);
                    offset += size;
                }
                String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
                var overview = clientA.get("/broker/api/v1/filetransfer/" + id, cast.senderToken).json();
                assertThat(overview.get("fileTransferStatus").asString()).isEqualTo("Published");
                assertThat(overview.get("sha256").asString()).isEqualTo(sha256);
                var download = clientB.send(clientB.request("/broker/api/v1/filetransfer/" + id + "/download",
                        cast.recipientToken).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body()))).isEqualTo(sha256);
            }
        }
    }
}
