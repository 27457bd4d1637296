package no.formidler.download;

import static no.formidler.testsupport.BrokerAssertions.assertBrokerError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** E7 and E8 (docs/compatibility.md §1) over HTTP: whole and ranged downloads, who may download, and confirmation. */
class DownloadTest extends ApiTest {
    private static final byte[] FILE = "0123456789abcdefghijklmnopqrstuvwxyzABCDE".getBytes(StandardCharsets.US_ASCII); // 41 bytes

    @Autowired
    JdbcClient jdbc;

    /** The audit log's download entries of the transfer, numbered or still waiting to be. */
    private long downloadAuditEntries(String id) {
        return jdbc.sql("""
                        select (select count(*) from audit_entry where file_transfer_id = :id and action = 'download')
                             + (select count(*) from audit_pending where file_transfer_id = :id and action = 'download')""")
                .param("id", java.util.UUID.fromString(id)).query(Long.class).single();
    }

    private static long downloadStartedRows(Scenario s, String id) {
        return s.details(id, s.senderToken).json().get("recipientFileTransferStatusHistory")
                .findValuesAsString("recipientFileTransferStatusCode").stream().filter("DownloadStarted"::equals).count();
    }

    @Test
    void aWholeDownloadCarriesTheFileAndItsHeaders() {
        Scenario s = scenario().ready();
        String id = s.publish(FILE);
        var response = s.download(id, s.recipient1Token);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(new String(FILE, StandardCharsets.US_ASCII));
        assertThat(response.header("Content-Length")).isEqualTo("41");
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(response.header("Content-Disposition")).startsWith("attachment; filename=\"report.pdf\"")
                .contains("filename*=UTF-8''report.pdf");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void rangesAreServedAs206AndUnsatisfiableOnesAs416() {
        Scenario s = scenario().ready();
        String id = s.publish(FILE);
        var first = s.download(id, s.recipient1Token, "Range", "bytes=0-9");
        assertThat(first.status()).isEqualTo(206);
        assertThat(first.header("Content-Range")).isEqualTo("bytes 0-9/41");
        assertThat(first.header("Content-Length")).isEqualTo("10");
        assertThat(first.body()).isEqualTo("0123456789");
        assertThat(s.download(id, s.recipient1Token, "Range", "bytes=10-").header("Content-Range")).isEqualTo("bytes 10-40/41");
        assertThat(s.download(id, s.recipient1Token, "Range", "bytes=-10").body()).isEqualTo("vwxyzABCDE");
        assertThat(s.download(id, s.recipient1Token, "Range", "bytes=10-99999").header("Content-Range")).isEqualTo("bytes 10-40/41");
        assertBrokerError(s.download(id, s.recipient1Token, "Range", "bytes=41-"), 416, "BRO-00029");
        var multiple = s.download(id, s.recipient1Token, "Range", "bytes=0-1,5-10");
        assertThat(multiple.status()).isEqualTo(200);
        assertThat(multiple.body()).hasSize(41);
    }

    @Test
    void rangedDownloadsInABurstRecordOneDownloadStartedWholeOnesEachTheirOwn() {
        Scenario s = scenario().ready();
        String id = s.publish(FILE);
        s.download(id, s.recipient1Token, "Range", "bytes=0-9");
        s.download(id, s.recipient1Token, "Range", "bytes=10-19");
        assertThat(downloadStartedRows(s, id)).isEqualTo(1);
        assertThat(downloadAuditEntries(id)).as("each part is audited, the recorded start's and the later one").isEqualTo(2);
        s.download(id, s.recipient1Token);
        s.download(id, s.recipient1Token);
        assertThat(downloadStartedRows(s, id)).isEqualTo(3);
    }

    @Test
    void parallelRangesOfOneDownloadRecordOneDownloadStarted() throws Exception {
        Scenario s = scenario().ready();
        // The way download accelerators fetch: parts at once, none of them seeing another's record yet. A few
        // bursts, so that parts which happen to arrive one after another cannot hide a race.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int burst = 0; burst < 3; burst++) {
                String id = s.publish(FILE);
                List<Callable<Integer>> parts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String range = "bytes=" + (i * 5) + "-" + (i * 5 + 4);
                    parts.add(() -> s.download(id, s.recipient1Token, "Range", range).status());
                }
                for (Future<Integer> part : pool.invokeAll(parts)) {
                    assertThat(part.get()).isEqualTo(206);
                }
                assertThat(downloadStartedRows(s, id)).isEqualTo(1);
                assertThat(downloadAuditEntries(id)).isEqualTo(8);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void nothingCanBeDownloadedBeforeItIsPublished() {
        Scenario s = scenario().ready();
        String id = s.initialize();
        assertBrokerError(s.download(id, s.recipient1Token), 403, "BRO-00007");
        assertBrokerError(s.download("00000000-0000-0000-0000-000000000000", s.recipient1Token), 404, "BRO-00001");
    }

    @Test
    void onlyRecipientsWithTheReadScopeMayDownload() {
        Scenario s = scenario().ready();
        String id = s.publish(FILE);
        assertBrokerError(s.download(id, s.outsiderToken), 401, "BRO-00006");
        String writeOnly = s.issuer.enterprise(s.recipient1, Scenario.WRITE);
        assertThat(s.download(id, writeOnly).status()).isEqualTo(403);
        var head = client.send(client.request("/broker/api/v1/filetransfer/" + id + "/download", writeOnly)
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.status()).as("HEAD is served by the GET handler and needs the same scope").isEqualTo(403);
        assertThat(downloadStartedRows(s, id)).isZero();
        var anonymous = s.download(id, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        // The sender is not a recipient, even with the read scope.
        assertBrokerError(s.download(id, s.senderToken), 401, "BRO-00006");
    }

    @Test
    void aRecipientThatTheRulesNoLongerGrantReadIsRefused() {
        Scenario s = scenario().ready();
        String id = s.publish(FILE);
        s.policy("{\"rules\":[{\"subjects\":[\"0192:" + s.sender + "\"],\"actions\":[\"write\"]}]}");
        assertBrokerError(s.download(id, s.recipient1Token), 401, "BRO-00006");
    }

    @Test
    void confirmationFollowsTheReferenceRules() {
        Scenario s = scenario().ready();
        String unpublished = s.initialize();
        assertBrokerError(s.confirm(unpublished, s.recipient1Token), 400, "BRO-00003");

        String id = s.publish(FILE);
        assertBrokerError(s.confirm(id, s.recipient1Token), 400, "BRO-00019");
        s.download(id, s.recipient1Token);
        assertThat(s.confirm(id, s.recipient1Token).status()).isEqualTo(204);
        assertThat(s.confirm(id, s.recipient1Token).status()).as("confirming twice is harmless").isEqualTo(204);
        assertThat(s.status(id)).isEqualTo("Published");
        assertBrokerError(s.confirm(id, s.outsiderToken), 401, "BRO-00006");

        s.download(id, s.recipient2Token);
        assertThat(s.confirm(id, s.recipient2Token).status()).isEqualTo(204);
        assertThat(s.status(id)).isEqualTo("AllConfirmedDownloaded");
        assertThat(s.confirm(id, s.recipient2Token).status()).as("a retry after AllConfirmedDownloaded (issue 17)").isEqualTo(204);
        assertThat(s.download(id, s.recipient1Token).status()).as("re-download after confirmation").isEqualTo(200);
        assertBrokerError(s.confirm("00000000-0000-0000-0000-000000000000", s.recipient1Token), 404, "BRO-00001");
    }

    @Test
    void theLastTwoRecipientsConfirmingAtOnceStillCompleteTheTransfer() throws Exception {
        for (int round = 0; round < 5; round++) {
            Scenario s = scenario().ready();
            String id = s.publish(FILE);
            s.download(id, s.recipient1Token);
            s.download(id, s.recipient2Token);
            var one = java.util.concurrent.CompletableFuture.supplyAsync(() -> s.confirm(id, s.recipient1Token).status());
            var two = java.util.concurrent.CompletableFuture.supplyAsync(() -> s.confirm(id, s.recipient2Token).status());
            assertThat(one.get()).isEqualTo(204);
            assertThat(two.get()).isEqualTo(204);
            assertThat(s.status(id)).isEqualTo("AllConfirmedDownloaded");
        }
    }
}
