package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PATCH (core, checksum, expiration): what is appended, when, and what is refused. */
class TusPatchTest extends ApiTest {
    @Autowired
    DataSource dataSource;
    private Scenario s;
    private TusRequests tus;
    private String id;
    private String url;

    @BeforeEach
    void upload() {
        s = scenario().ready();
        tus = new TusRequests(client, s.senderToken);
        id = s.initialize();
        url = TusRequests.BASE + "/" + id;
    }

    @Test
    void chunksAppendedInTurnPublishTheTransferWithTheWholeFilesDigests() throws Exception {
        byte[] file = new byte[300_001];
        new Random(3).nextBytes(file);
        assertThat(tus.create(id, file.length).status()).isEqualTo(201);
        assertThat(s.status(id)).isEqualTo("UploadStarted");
        int offset = 0;
        while (offset < file.length) {
            int size = Math.min(100_000, file.length - offset);
            var response = tus.patch(url, offset, Arrays.copyOfRange(file, offset, offset + size));
            assertThat(response.status()).as(response.toString()).isEqualTo(204);
            offset += size;
            assertThat(response.header("Upload-Offset")).isEqualTo(String.valueOf(offset));
            assertThat(response.header("Tus-Resumable")).isEqualTo("1.0.0");
        }
        var overview = s.overview(id, s.senderToken).json();
        assertThat(overview.get("fileTransferStatus").asString()).isEqualTo("Published");
        assertThat(overview.get("fileTransferSize").asLong()).isEqualTo(file.length);
        assertThat(overview.get("checksum").asString()).isEqualTo(hex("MD5", file));
        assertThat(overview.get("sha256").asString()).isEqualTo(hex("SHA-256", file));
        assertThat(downloadSha256(id)).isEqualTo(hex("SHA-256", file));
    }

    @Test
    void aFileThatDoesNotMatchTheChecksumGivenAtInitializeFailsTheTransferOnItsLastChunk() throws Exception {
        String checked = s.initialize("\"checksum\":\"" + hex("MD5", "expected".getBytes()) + "\"",
                java.util.List.of(s.recipient1));
        String checkedUrl = TusRequests.BASE + "/" + checked;
        tus.create(checked, 8);
        assertThat(tus.patch(checkedUrl, 0, "somethin".getBytes()).json().get("code").asString()).isEqualTo("BRO-00009");
        assertThat(s.status(checked)).isEqualTo("Failed");
        String matching = s.initialize("\"checksum\":\"" + hex("MD5", "expected".getBytes()) + "\"",
                java.util.List.of(s.recipient1));
        tus.create(matching, 8);
        assertThat(tus.patch(TusRequests.BASE + "/" + matching, 0, "expected".getBytes()).status()).isEqualTo(204);
        assertThat(s.status(matching)).isEqualTo("Published");
    }

    @Test
    void headReportsTheStoredOffsetAndLength() {
        tus.create(id, 10);
        tus.patch(url, 0, "abcd".getBytes());
        var head = tus.head(url);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Upload-Offset")).isEqualTo("4");
        assertThat(head.header("Upload-Length")).isEqualTo("10");
        assertThat(head.header("Cache-Control")).isEqualTo("no-store");
        assertThat(head.header("Upload-Expires")).endsWith("GMT");
    }

    @Test
    void aChunkAtAnotherOffsetIsRefusedWith409() {
        tus.create(id, 10);
        tus.patch(url, 0, "abcd".getBytes());
        var response = tus.patch(url, 2, "cdef".getBytes());
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).isEqualTo("Offset does not match file. File offset: 4. Request offset: 2");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tus.head(url).header("Upload-Offset")).isEqualTo("4");
    }

    @Test
    void aChunkWithoutTheOffsetContentTypeIsRefusedWith415() {
        tus.create(id, 10);
        assertThat(tus.patch(url, 0, "abcd".getBytes(), "Content-Type", "application/octet-stream").status()).isEqualTo(415);
    }

    @Test
    void aChunkWithoutOrWithABadOffsetIsRefusedWith400() {
        tus.create(id, 10);
        assertThat(tus.patch(url, 0, "abcd".getBytes(), "Upload-Offset", "-1").status()).isEqualTo(400);
        assertThat(tus.patch(url, 0, "abcd".getBytes(), "Upload-Offset", "x").status()).isEqualTo(400);
    }

    @Test
    void aChunkThatSetsTheLengthAgainIsRefusedWith400() {
        tus.create(id, 10);
        var response = tus.patch(url, 0, "abcd".getBytes(), "Upload-Length", "10");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isEqualTo("Upload-Length cannot be updated once set");
    }

    @Test
    void moreBytesThanTheLengthAreRefusedWith413AndNothingIsStored() {
        tus.create(id, 5);
        assertThat(tus.patch(url, 0, "abcdefgh".getBytes()).status()).isEqualTo(413);
        assertThat(tus.head(url).header("Upload-Offset")).isEqualTo("0");
    }

    @Test
    void everyAdvertisedChecksumAlgorithmIsVerifiedPerChunk() throws Exception {
        tus.create(id, 12);
        byte[] a = "abcd".getBytes();
        byte[] b = "efgh".getBytes();
        byte[] c = "ijkl".getBytes();
        assertThat(tus.patch(url, 0, a, "Upload-Checksum", TusRequests.checksum("md5", a)).status()).isEqualTo(204);
        assertThat(tus.patch(url, 4, b, "Upload-Checksum", TusRequests.checksum("sha1", b)).status()).isEqualTo(204);
        assertThat(tus.patch(url, 8, c, "Upload-Checksum", TusRequests.checksum("sha256", c)).status()).isEqualTo(204);
        assertThat(s.status(id)).isEqualTo("Published");
    }

    @Test
    void aChunkThatDoesNotMatchItsChecksumIsDiscardedWith460() throws Exception {
        tus.create(id, 8);
        var response = tus.patch(url, 0, "abcd".getBytes(), "Upload-Checksum", TusRequests.checksum("sha256", "abce".getBytes()));
        assertThat(response.status()).isEqualTo(460);
        assertThat(response.json().get("detail").asString()).isEqualTo("Header Upload-Checksum does not match the checksum of the file");
        assertThat(tus.head(url).header("Upload-Offset")).isEqualTo("0");
        assertThat(tus.patch(url, 0, "wxyz".getBytes()).status()).isEqualTo(204);
        assertThat(tus.patch(url, 4, "abcd".getBytes()).status()).isEqualTo(204);
        assertThat(s.download(id, s.recipient1Token).body()).isEqualTo("wxyzabcd");
    }

    @Test
    void anUnknownChecksumAlgorithmOrABadDigestIsRefusedWith400() {
        tus.create(id, 8);
        assertThat(tus.patch(url, 0, "abcd".getBytes(), "Upload-Checksum", "crc32 AAAA").status()).isEqualTo(400);
        assertThat(tus.patch(url, 0, "abcd".getBytes(), "Upload-Checksum", "sha256 !!notbase64").status()).isEqualTo(400);
        assertThat(tus.head(url).header("Upload-Offset")).isEqualTo("0");
    }

    @Test
    void theLastChunkSentAgainAfterALostResponseIsAnsweredWithTheFullOffset() {
        tus.create(id, 4);
        assertThat(tus.patch(url, 0, "abcd".getBytes()).status()).isEqualTo(204);
        // The transfer is published now; a resent last chunk finds it no longer uploading.
        assertThat(tus.patch(url, 0, "abcd".getBytes()).status()).isEqualTo(409);
        assertThat(s.status(id)).isEqualTo("Published");
    }

    @Test
    void anEmptyChunkLeavesTheOffsetWhereItWas() {
        tus.create(id, 4);
        var response = tus.patch(url, 0, new byte[0]);
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Upload-Offset")).isEqualTo("0");
    }

    @Test
    void aRequestWithoutTheProtocolVersionIsRefusedWith412() {
        tus.create(id, 4);
        var response = tus.raw("HEAD", url, java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(response.status()).isEqualTo(412);
        assertThat(response.header("Tus-Version")).isEqualTo("1.0.0");
        var patch = tus.raw("PATCH", url, java.net.http.HttpRequest.BodyPublishers.ofString("ab"),
                "Tus-Resumable", "0.2.2", "Upload-Offset", "0", "Content-Type", "application/offset+octet-stream");
        assertThat(patch.status()).isEqualTo(412);
        assertThat(patch.json().get("detail").asString()).isEqualTo("Tus version 0.2.2 is not supported. Supported versions: 1.0.0");
    }

    @Test
    void aPatchToAnUploadThatWasNeverCreatedIsNotFound() {
        var response = tus.patch(url, 0, "abcd".getBytes());
        assertThat(response.status()).isEqualTo(404);
        assertThat(tus.head(url).status()).isEqualTo(404);
    }

    @Test
    void aSecondPatchWhileOneIsStreamingGets423AndHeadShowsOnlyCommittedBytes() throws Exception {
        tus.create(id, 3_000);
        try (Socket socket = new Socket("127.0.0.1", java.net.URI.create(client.baseUrl()).getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + s.senderToken
                    + "\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: 0"
                    + "\r\nContent-Length: 2000\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1_000]);
            out.flush();
            try (var connection = dataSource.getConnection()) {
                UploadLocks.awaitPatchInProgress(connection.getMetaData().getURL(), connection.getMetaData().getUserName(),
                        Duration.ofMinutes(1));
            }
            int second = tus.patch(url, 0, "x".getBytes()).status();
            assertThat(second).isEqualTo(423);
            assertThat(tus.head(url).header("Upload-Offset")).as("HEAD does not wait and shows committed bytes").isEqualTo("0");
            out.write(new byte[1_000]);
            out.flush();
            String status = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .findFirst().orElse("");
            assertThat(status).isEqualTo("HTTP/1.1 204 ");
        }
        assertThat(tus.head(url).header("Upload-Offset")).isEqualTo("2000");
    }

    @Test
    void aPatchStreamingItsBodyHoldsNoDatabaseTransactionOpen() throws Exception {
        tus.create(id, 3_000);
        try (Socket socket = halfSentPatch(2_000, 1_000)) {
            try (var connection = dataSource.getConnection()) {
                UploadLocks.awaitPatchInProgress(connection.getMetaData().getURL(), connection.getMetaData().getUserName(),
                        Duration.ofMinutes(1));
                var rs = connection.createStatement().executeQuery("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and state like 'idle in transaction%'""");
                rs.next();
                assertThat(rs.getInt(1)).as("transactions left open while a client sends its body").isZero();
            }
            socket.getOutputStream().write(new byte[1_000]);
            assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 204 ");
        }
    }

    @Test
    void theLeaseOfACrashedPatchBlocksTheUploadUntilItRunsOut() throws Exception {
        tus.create(id, 10);
        try (var connection = dataSource.getConnection()) {
            // What a node that died mid-body leaves behind: its lease, which nobody renews any more.
            var crashed = connection.prepareStatement("""
                    update tus_upload set lease_owner = gen_random_uuid(), lease_expires = now() + interval '1 hour'
                    where id = cast(? as uuid)""");
            crashed.setString(1, id);
            crashed.executeUpdate();
            assertThat(tus.patch(url, 0, "01234".getBytes()).status()).isEqualTo(423);
            var ranOut = connection.prepareStatement(
                    "update tus_upload set lease_expires = now() - interval '1 second' where id = cast(? as uuid)");
            ranOut.setString(1, id);
            ranOut.executeUpdate();
        }
        assertThat(tus.patch(url, 0, "01234".getBytes()).status()).isEqualTo(204);
        assertThat(tus.head(url).header("Upload-Offset")).isEqualTo("5");
    }

    @Test
    void aPatchThatLostItsLeaseLeavesTheBytesOfThePatchThatTookOverAlone() throws Exception {
        tus.create(id, 3_000);
        byte[] taken = new byte[1_500];
        Arrays.fill(taken, (byte) 'b');
        byte[] rest = new byte[1_500];
        Arrays.fill(rest, (byte) 'c');
        try (Socket stalled = halfSentPatch(2_000, 1_000); var connection = dataSource.getConnection()) {
            UploadLocks.awaitPatchInProgress(connection.getMetaData().getURL(), connection.getMetaData().getUserName(),
                    Duration.ofMinutes(1));
            // What failed renewals leave behind: the stalled PATCH's lease ran out, and its renewals find it gone.
            var ranOut = connection.prepareStatement("""
                    update tus_upload set lease_owner = gen_random_uuid(), lease_expires = now() - interval '1 second'
                    where id = cast(? as uuid)""");
            ranOut.setString(1, id);
            ranOut.executeUpdate();
            var takeover = tus.patch(url, 0, taken);
            assertThat(takeover.status()).as(takeover.toString()).isEqualTo(204);
            assertThat(takeover.header("Upload-Offset")).isEqualTo("1500");
            Thread.sleep(6_000); // one renewal (every 5 s at the default 20 s lease) tells the stalled PATCH it is out
            stalled.getOutputStream().write(new byte[1_000]);
            assertThat(statusLine(stalled)).isEqualTo("HTTP/1.1 423 ");
        }
        var last = tus.patch(url, 1_500, rest);
        assertThat(last.status()).as("the acknowledged 1,500 bytes are still stored: " + last).isEqualTo(204);
        byte[] file = new byte[3_000];
        System.arraycopy(taken, 0, file, 0, 1_500);
        System.arraycopy(rest, 0, file, 1_500, 1_500);
        assertThat(downloadSha256(id)).isEqualTo(hex("SHA-256", file));
    }

    private Socket halfSentPatch(int contentLength, int sent) throws Exception {
        Socket socket = new Socket("127.0.0.1", java.net.URI.create(client.baseUrl()).getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("PATCH " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + s.senderToken
                + "\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: 0"
                + "\r\nContent-Length: " + contentLength + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[sent]);
        out.flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws Exception {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().findFirst().orElse("");
    }

    private String downloadSha256(String transferId) throws Exception {
        var response = client.send(client.request("/broker/api/v1/filetransfer/" + transferId + "/download", s.recipient1Token).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.body()));
    }

    static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }
}
