package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the broker in the middle of a chunk: after a restart on the same data the upload resumes from the last
 * acknowledged offset, and the published file is byte for byte the source.
 */
class TusCrashIT {
    private static final int MIB = 1024 * 1024;

    @Test
    void anUploadResumesAfterTheBrokerIsKilledMidChunkWithNoCorruptByte() throws Exception {
        byte[] file = new byte[24 * MIB + 321];
        new Random(5).nextBytes(file);
        Path dataDir = Files.createTempDirectory("formidler-tus-crash-");
        int port = BrokerProcess.freePort();
        DevTokenCast cast;
        String id;
        String url;
        // The killed PATCH leaves its lease behind; a short one lets the test see it run out.
        Map<String, String> shortLease = Map.of("formidler.tus.lease-duration", "PT3S");
        try (BrokerProcess broker = BrokerProcess.start(dataDir, port, shortLease)) {
            BrokerClient client = new BrokerClient(broker.baseUrl());
            cast = new DevTokenCast(client);
            id = cast.initialize(client);
            url = TusRequests.BASE + "/" + id;
            TusRequests tus = new TusRequests(client, cast.senderToken);
            assertThat(tus.create(id, file.length).status()).isEqualTo(201);
            for (int offset = 0; offset < 8 * MIB; offset += 4 * MIB) {
                assertThat(tus.patch(url, offset, Arrays.copyOfRange(file, offset, offset + 4 * MIB)).status()).isEqualTo(204);
            }
            try (Socket inFlight = DevTokenCast.halfSentPatch(broker.baseUrl(), url, cast.senderToken, 8 * MIB,
                    Arrays.copyOfRange(file, 8 * MIB, 12 * MIB), 3 * MIB)) {
                broker.kill();
            }
        }
        try (BrokerProcess broker = BrokerProcess.start(dataDir, port, shortLease)) {
            BrokerClient client = new BrokerClient(broker.baseUrl());
            TusRequests tus = new TusRequests(client, cast.senderToken);
            var head = tus.head(url);
            assertThat(head.status()).isEqualTo(200);
            long offset = Long.parseLong(head.header("Upload-Offset"));
            assertThat(offset).as("the last acknowledged offset").isEqualTo(8L * MIB);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (offset < file.length) {
                int size = (int) Math.min(5 * MIB, file.length - offset);
                var response = tus.patch(url, offset, Arrays.copyOfRange(file, (int) offset, (int) offset + size));
                if (response.status() == 423 && System.nanoTime() < deadline) {
                    Thread.sleep(200); // the dead node's lease has not run out yet: retry, as TUS clients do
                    continue;
                }
                assertThat(response.status()).as(response.toString()).isEqualTo(204);
                offset += size;
            }
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
            var overview = client.get("/broker/api/v1/filetransfer/" + id, cast.senderToken).json();
            assertThat(overview.get("fileTransferStatus").asString()).isEqualTo("Published");
            assertThat(overview.get("sha256").asString()).isEqualTo(sha256);
            var download = client.send(client.request("/broker/api/v1/filetransfer/" + id + "/download", cast.recipientToken)
                    .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body()))).isEqualTo(sha256);
        }
    }
}
