package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import no.formidler.testsupport.GeneratedBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 4, on a real full disk: the broker's blob directory is a 20 MB tmpfs. A TUS chunk or a streamed
 * upload that does not fit is answered 507 problem details; the failed chunk's bytes are gone (HEAD tells the offset
 * acknowledged before it), the transfer is not Failed, and once space is freed the same uploads succeed. Needs root
 * (to mount); skipped with a message elsewhere, where {@code StorageFullTest} still simulates the full disk.
 */
class DiskFullIT {
    private static final int MIB = 1024 * 1024;
    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", "-l", mounted.toString());
        }
    }

    @Test
    void aFullDiskAnswers507KeepsNothingOfTheFailedChunkAndUploadsGoOnOnceThereIsRoomAgain() throws Exception {
        Path dataDir = Files.createTempDirectory("formidler-disk-full-");
        Path blobs = Files.createDirectories(dataDir.resolve("blobs"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", blobs.toString()) == 0,
                "mounting a 20 MB tmpfs needs root; StorageFullTest simulates the full disk instead");
        mounted = blobs;
        try (BrokerProcess broker = BrokerProcess.start(dataDir, Map.of(
                "management.health.diskspace.path", blobs.toString(),
                "formidler.storage.min-free-space", "4MB"))) {
            BrokerClient client = new BrokerClient(broker.baseUrl());
            DevTokenCast cast = new DevTokenCast(client);
            TusRequests tus = new TusRequests(client, cast.senderToken);
            String id = cast.initialize(client);
            String url = TusRequests.BASE + "/" + id;
            byte[] file = GeneratedBytes.of(17, 30 * MIB);
            assertThat(tus.create(id, file.length).status()).isEqualTo(201);
            assertThat(tus.patch(url, 0, Arrays.copyOfRange(file, 0, 4 * MIB)).status()).isEqualTo(204);

            var full = tus.patch(url, 4 * MIB, Arrays.copyOfRange(file, 4 * MIB, 30 * MIB));

            assertThat(full.status()).as(full.toString()).isEqualTo(507);
            assertThat(full.header("Content-Type")).startsWith("application/problem+json");
            assertThat(tus.head(url).header("Upload-Offset")).as("the acknowledged offset").isEqualTo(String.valueOf(4 * MIB));
            assertThat(Files.getFileStore(blobs).getUsableSpace()).as("the failed chunk's bytes are gone")
                    .isGreaterThan(14L * MIB);
            assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(200);

            // Someone else's bytes fill the disk: readiness goes DOWN, a streamed upload is 507 and stays retryable.
            Path filler = blobs.resolve("filler");
            Files.write(filler, new byte[13 * MIB]);
            assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(503);
            String streamed = cast.initialize(client);
            var refused = client.post("/broker/api/v1/filetransfer/" + streamed + "/upload", cast.senderToken,
                    HttpRequest.BodyPublishers.ofByteArray(new byte[6 * MIB]), "Content-Type", "application/octet-stream");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(507);
            assertThat(refused.json().get("status").asInt()).isEqualTo(507);
            assertThat(client.get("/broker/api/v1/filetransfer/" + streamed, cast.senderToken).json()
                    .get("fileTransferStatus").asString()).as("not Failed: the sender may simply retry")
                    .isNotEqualTo("Failed");
            try (var incoming = Files.list(blobs.resolve(".incoming"))) {
                assertThat(incoming.toList()).as("nothing of the refused upload is left").isEmpty();
            }

            Files.delete(filler);
            assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(client.post("/broker/api/v1/filetransfer/" + streamed + "/upload", cast.senderToken,
                    HttpRequest.BodyPublishers.ofByteArray(new byte[MIB]), "Content-Type", "application/octet-stream")
                    .status()).isEqualTo(200);
            var resumed = tus.patch(url, 4 * MIB, Arrays.copyOfRange(file, 4 * MIB, 16 * MIB));
            assertThat(resumed.status()).as(resumed.toString()).isEqualTo(204);
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
