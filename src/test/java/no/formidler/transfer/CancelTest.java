package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import no.formidler.events.Role;
import no.formidler.events.TransferEvent;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The sender withdraws a transfer: from each status that allows it, refused from the rest, and what follows. */
class CancelTest extends ApiTest {
    private static final String CANCELLED = "no.altinn.broker.filetransfercancelled";

    @Autowired
    TransitionRecorder recorder;
    @Autowired
    TransferPurge purge;

    private static BrokerClient.Response cancel(Scenario s, String id, String token, String json) {
        return s.client.postJson("/broker/api/v1/filetransfer/" + id + "/cancel", token, json);
    }

    private List<TransferEvent> cancelledEvents(String id) {
        return recorder.of(UUID.fromString(id)).stream().flatMap(seen -> seen.events().stream())
                .filter(e -> e.type().wireType().equals(CANCELLED)).toList();
    }

    @Test
    void aPublishedTransferIsCancelledWithItsReasonAndEveryoneIsTold() throws Exception {
        Scenario s = scenario().ready();
        String id = s.publish("to be withdrawn".getBytes(StandardCharsets.UTF_8));
        assertThat(storedFiles(s, id)).hasSize(1);

        var response = cancel(s, id, s.senderToken, "{\"reason\":\"Sent to the wrong office\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(204);
        JsonNode details = s.details(id, s.senderToken).json();
        assertThat(details.get("fileTransferStatus").asString()).isEqualTo("Cancelled");
        assertThat(details.get("fileTransferStatusText").asString())
                .isEqualTo("FileTransfer cancelled by the sender: Sent to the wrong office");
        assertThat(details.get("fileTransferStatusHistory").findValuesAsString("fileTransferStatus"))
                .containsExactly("Initialized", "UploadStarted", "Published", "Cancelled");
        assertThat(details.get("fileName").asString()).as("the metadata stays").isEqualTo("report.pdf");
        assertThat(cancelledEvents(id)).extracting(TransferEvent::role, e -> e.subject().number())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Role.Sender, s.sender),
                        org.assertj.core.groups.Tuple.tuple(Role.Recipient, s.recipient1),
                        org.assertj.core.groups.Tuple.tuple(Role.Recipient, s.recipient2));
        assertThat(storedFiles(s, id)).as("the file is deleted").isEmpty();
        var download = s.download(id, s.recipient1Token);
        assertThat(download.status()).isEqualTo(403);
        assertThat(download.json().get("code").asString()).isEqualTo("BRO-00007");
    }

    @Test
    void anInitializedTransferIsCancelledWithoutABodyAndOnlyTheSenderIsTold() {
        Scenario s = scenario().ready();
        String id = s.initialize();

        assertThat(cancel(s, id, s.senderToken, null).status()).isEqualTo(204);

        assertThat(s.status(id)).isEqualTo("Cancelled");
        assertThat(s.overview(id, s.senderToken).json().get("fileTransferStatusText").asString())
                .isEqualTo("FileTransfer cancelled by the sender");
        assertThat(cancelledEvents(id)).extracting(TransferEvent::role).containsExactly(Role.Sender);
        var upload = s.upload(id, "late".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).isEqualTo(409);
    }

    @Test
    void anUploadInFlightIsStoppedAndItsBytesDeleted() throws Exception {
        Scenario s = scenario().ready();
        String id = s.initialize();
        PipedOutputStream sending = new PipedOutputStream();
        PipedInputStream body = new PipedInputStream(sending, 64 * 1024);
        HttpRequest request = s.client.request("/broker/api/v1/filetransfer/" + id + "/upload", s.senderToken,
                        "Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        CompletableFuture<HttpResponse<String>> upload = CompletableFuture.supplyAsync(
                () -> s.client.send(request, HttpResponse.BodyHandlers.ofString()));
        sending.write(new byte[100_000]);
        sending.flush();
        while (!s.status(id).equals("UploadStarted")) {
            Thread.onSpinWait();
        }

        assertThat(cancel(s, id, s.senderToken, "{\"reason\":\"Wrong file\"}").status()).isEqualTo(204);
        sending.write(new byte[100_000]);
        sending.close();

        assertThat(upload.get().statusCode()).as(upload.get().body()).isEqualTo(409);
        assertThat(s.status(id)).isEqualTo("Cancelled");
        assertThat(storedFiles(s, id)).as("the streamed bytes are deleted").isEmpty();
        assertThat(s.details(id, s.senderToken).json().get("fileTransferStatusHistory")
                .findValuesAsString("fileTransferStatus")).containsExactly("Initialized", "UploadStarted", "Cancelled");
    }

    @Test
    void recipientsWhoConfirmedKeepTheirStatus() {
        Scenario s = scenario().ready();
        String id = s.publish("half confirmed".getBytes(StandardCharsets.UTF_8));
        s.download(id, s.recipient1Token);
        assertThat(s.confirm(id, s.recipient1Token).status()).isEqualTo(204);

        assertThat(cancel(s, id, s.senderToken, "{}").status()).isEqualTo(204);

        JsonNode recipients = s.overview(id, s.senderToken).json().get("recipients");
        assertThat(recipients.findValuesAsString("currentRecipientFileTransferStatusCode"))
                .containsExactlyInAnyOrder("DownloadConfirmed", "Initialized");
    }

    @Test
    void finalStatusesRefuseWithProblemDetails() throws Exception {
        Scenario s = scenario().ready();
        String confirmed = s.publish("all confirmed".getBytes(StandardCharsets.UTF_8));
        for (String token : List.of(s.recipient1Token, s.recipient2Token)) {
            s.download(confirmed, token);
            s.confirm(confirmed, token);
        }
        String failed = s.initialize("\"checksum\":\"00000000000000000000000000000000\"", List.of(s.recipient1));
        assertThat(s.upload(failed, "mismatch".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        String purged = s.publish("purged".getBytes(StandardCharsets.UTF_8));
        purge.purge(UUID.fromString(purged));
        String cancelled = s.initialize();
        assertThat(cancel(s, cancelled, s.senderToken, null).status()).isEqualTo(204);

        for (String id : List.of(confirmed, failed, purged, cancelled)) {
            String before = s.status(id);
            var refused = cancel(s, id, s.senderToken, null);
            assertThat(refused.status()).as(before).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("BRO-02001");
            assertThat(s.status(id)).isEqualTo(before);
        }
        assertThat(cancelledEvents(cancelled)).hasSize(1);
        assertThat(cancelledEvents(purged)).isEmpty();
    }

    @Test
    void onlyTheSenderMayCancel() {
        Scenario s = scenario().ready();
        String id = s.publish("mine".getBytes(StandardCharsets.UTF_8));
        Scenario other = scenario().ready();

        assertThat(cancel(s, id, s.recipient1Token, null).status()).as("read scope only").isEqualTo(403);
        var outsider = cancel(s, id, s.outsiderToken, null);
        assertThat(outsider.status()).isEqualTo(401);
        assertThat(outsider.json().get("code").asString()).isEqualTo("BRO-00006");
        assertThat(cancel(s, id, other.senderToken, null).status()).as("another organisation").isEqualTo(401);
        assertThat(cancel(s, UUID.randomUUID().toString(), s.senderToken, null).status()).isEqualTo(404);
        assertThat(s.status(id)).isEqualTo("Published");
    }

    @Test
    void aTooLongReasonIsRefused() {
        Scenario s = scenario().ready();
        String id = s.initialize();

        var response = cancel(s, id, s.senderToken, "{\"reason\":\"" + "x".repeat(501) + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").has("reason")).isTrue();
        assertThat(cancel(s, id, s.senderToken, "{\"reason\":1,\"x\":2}").status()).isEqualTo(400);
        assertThat(s.status(id)).isEqualTo("Initialized");
    }
}
