package no.formidler.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import no.formidler.client.testsupport.BrokerProcess;
import no.formidler.client.testsupport.Parties;
import no.formidler.client.testsupport.TestBroker;
import no.formidler.client.testsupport.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The library against the real broker: every operation a sender, a recipient and a service owner need. */
@ExtendWith(TestBroker.class)
class ClientJourneyTest {
    private static final String RESOURCE = "client-journey";
    @TempDir
    static Path dir;
    static BrokerProcess broker;
    static Parties parties;

    @BeforeAll
    static void setUp(BrokerProcess shared) {
        broker = shared;
        parties = Parties.setUp(broker, RESOURCE, 1L << 30);
    }

    @Test
    void aSmallFileIsSentStreamedReceivedVerifiedAndConfirmed() throws IOException {
        BrokerClient sender = parties.sender();
        BrokerClient recipient = parties.recipient();
        Path file = dir.resolve("hello.txt");
        Files.writeString(file, "Hello from the client library");

        UUID id = sender.send(FileTransferRequest.of("hello.txt", RESOURCE, "0192:" + Parties.SENDER,
                List.of("0192:" + Parties.RECIPIENT)).withReference("ref-1").withProperties(Map.of("case", "42")),
                file, UploadOptions.DEFAULT);

        FileTransferOverview overview = sender.awaitProcessed(id, Duration.ofSeconds(30));
        assertThat(overview.fileTransferStatus()).isEqualTo("Published");
        assertThat(overview.sendersFileTransferReference()).isEqualTo("ref-1");
        assertThat(overview.propertyList()).containsEntry("case", "42");
        assertThat(recipient.search(SearchQuery.resource(RESOURCE).status("Published"))).contains(id);

        Path target = dir.resolve("received-hello.txt");
        ReceivedFile received = recipient.download(id, target);
        assertThat(Files.readString(target)).isEqualTo("Hello from the client library");
        assertThat(received.sha256()).isEqualTo(overview.sha256()).isEqualTo(TestFiles.sha256(file));
        recipient.confirm(id);

        FileTransferDetails details = sender.details(id);
        assertThat(details.fileTransferStatus()).isEqualTo("AllConfirmedDownloaded");
        assertThat(details.fileTransferStatusHistory()).extracting(FileTransferDetails.StatusChange::fileTransferStatus)
                .contains("Initialized", "Published", "AllConfirmedDownloaded");
        assertThat(details.recipientFileTransferStatusHistory())
                .extracting(FileTransferDetails.RecipientStatusChange::recipientFileTransferStatusCode)
                .contains("DownloadStarted", "DownloadConfirmed");
    }

    @Test
    void aLargeFileGoesByTusInParallelPartsAndArrivesByteIdentical() throws IOException {
        Path file = dir.resolve("large.bin");
        String sha256 = TestFiles.write(file, 12L << 20, 7);
        List<Long> progress = new CopyOnWriteArrayList<>();
        UploadOptions tus = UploadOptions.DEFAULT.tusThreshold(1 << 20).chunkSize(1 << 20).parallelParts(3)
                .stateFile(dir.resolve("large.upload.json")).progress((done, total) -> progress.add(done));

        UUID id = parties.sender().send(FileTransferRequest.of("large.bin", RESOURCE, "0192:" + Parties.SENDER,
                List.of("0192:" + Parties.RECIPIENT)), file, tus);

        FileTransferOverview overview = parties.sender().awaitProcessed(id, Duration.ofSeconds(30));
        assertThat(overview.fileTransferStatus()).isEqualTo("Published");
        assertThat(overview.sha256()).isEqualTo(sha256);
        assertThat(progress).contains(12L << 20);
        assertThat(dir.resolve("large.upload.json")).doesNotExist();
        ReceivedFile received = parties.recipient().download(id, dir.resolve("large-received.bin"));
        assertThat(TestFiles.sha256(received.path())).isEqualTo(sha256);
    }

    @Test
    void aCutDownloadResumesFromWhereItStoppedAndIsVerified() throws IOException {
        Path file = dir.resolve("cut.bin");
        String sha256 = TestFiles.write(file, 6L << 20, 11);
        UUID id = parties.sender().send(FileTransferRequest.of("cut.bin", RESOURCE, "0192:" + Parties.SENDER,
                List.of("0192:" + Parties.RECIPIENT)), file, UploadOptions.DEFAULT);
        parties.sender().awaitProcessed(id, Duration.ofSeconds(30));
        Path target = dir.resolve("cut-received.bin");

        assertThatThrownBy(() -> parties.recipient().download(id, target, (done, total) -> {
            if (done > total / 3) {
                throw new IllegalStateException("cut");
            }
        })).hasMessage("cut");
        long kept = Files.size(target.resolveSibling("cut-received.bin.part"));
        assertThat(kept).isPositive().isLessThan(6L << 20);
        assertThat(target).doesNotExist();

        ReceivedFile received = parties.recipient().download(id, target);
        assertThat(received.resumedFrom()).isEqualTo(kept);
        assertThat(TestFiles.sha256(target)).isEqualTo(sha256);
        try (var in = parties.recipient().open(id, 10, 19L)) {
            assertThat(in.readAllBytes()).hasSize(10);
        }
    }

    @Test
    void aRefusalArrivesAsATypedProblem() {
        BrokerClient stranger = Parties.client(broker, "910000009", "altinn:broker.write altinn:broker.read");
        assertThatThrownBy(() -> stranger.initialize(FileTransferRequest.of("x.txt", RESOURCE, "0192:910000009",
                List.of("0192:" + Parties.RECIPIENT))))
                .isInstanceOfSatisfying(BrokerProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(401);
                    assertThat(problem.code()).isEqualTo("BRO-00006");
                    assertThat(problem.traceId()).isNotBlank();
                });
        assertThatThrownBy(() -> parties.recipient().overview(UUID.randomUUID()))
                .isInstanceOfSatisfying(BrokerProblemException.class, problem -> assertThat(problem.status()).isEqualTo(404));
    }

    @Test
    void theEventFeedResumesFromItsStoredCursorWithoutRepeats() throws IOException {
        String resource = "client-events";
        Parties.setUp(broker, resource, 1 << 20);
        Path cursorFile = dir.resolve("cursor");
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(sendText(resource, "event " + i));
        }
        List<UUID> seen = new ArrayList<>();
        for (CloudEvent event : parties.recipient().events(resource, CursorStore.file(cursorFile)).types(CloudEvent.PUBLISHED)) {
            seen.add(event.fileTransferId());
        }
        sent.add(sendText(resource, "event 3"));
        // A new feed on the same cursor file, as a restarted consumer: only what came after.
        for (CloudEvent event : parties.recipient().events(resource, CursorStore.file(cursorFile)).types(CloudEvent.PUBLISHED)) {
            seen.add(event.fileTransferId());
        }
        assertThat(seen).containsExactlyElementsOf(sent);
    }

    @Test
    void aWebhookSubscriptionDeliversSignedEventsThatTheVerifierAccepts() throws Exception {
        String resource = "client-webhooks";
        Parties.setUp(broker, resource, 1 << 20);
        List<String> verified = new CopyOnWriteArrayList<>();
        List<String> secret = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                new WebhookSignatureVerifier(secret.get(0)).verify(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body);
                verified.add(new String(body));
                exchange.sendResponseHeaders(200, -1);
            } catch (VerificationFailedException | IndexOutOfBoundsException e) {
                exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
        });
        receiver.start();
        try {
            Subscription created = parties.recipient().subscriptions().create(SubscriptionRequest.of(
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", resource, Parties.RECIPIENT));
            secret.add(created.secret());
            assertThat(parties.recipient().subscriptions().list()).extracting(Subscription::id).contains(created.id());
            UUID id = sendText(resource, "webhook");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (verified.stream().noneMatch(body -> body.contains(id.toString())) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(verified).anyMatch(body -> body.contains(id.toString()) && body.contains(CloudEvent.PUBLISHED));
            parties.recipient().subscriptions().delete(created.id());
            assertThatThrownBy(() -> parties.recipient().subscriptions().get(created.id()))
                    .isInstanceOf(BrokerProblemException.class);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theServiceOwnerReadsBackWhatItAdministers() {
        Administration admin = parties.sender().administration();
        assertThat(admin.serviceOwner().name()).isEqualTo("Digdir");
        assertThat(admin.resource(RESOURCE).maxFileTransferSize()).isEqualTo(1L << 30);
        assertThat(admin.policy(RESOURCE).rules()).hasSize(2);
        admin.putAccessList(RESOURCE, new AccessList(false, List.of("0192:" + Parties.RECIPIENT)));
        assertThat(admin.accessList(RESOURCE).members()).hasSize(1);
        assertThatThrownBy(() -> parties.recipient().administration().putResource(RESOURCE, ResourceSettings.of(1, "P1D")))
                .isInstanceOfSatisfying(BrokerProblemException.class, p -> assertThat(p.status()).isIn(401, 403));
    }

    private UUID sendText(String resource, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(UUID.randomUUID() + ".txt"), text);
        UUID id = parties.sender().send(FileTransferRequest.of(file.getFileName().toString(), resource,
                "0192:" + Parties.SENDER, List.of("0192:" + Parties.RECIPIENT)), file, UploadOptions.DEFAULT);
        parties.sender().awaitProcessed(id, Duration.ofSeconds(30));
        return id;
    }
}
