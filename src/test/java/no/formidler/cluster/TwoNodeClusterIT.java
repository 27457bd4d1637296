package no.formidler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import no.formidler.testsupport.GeneratedBytes;
import no.formidler.testsupport.S3Server;
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.TestIssuer;
import no.formidler.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two broker processes on one PostgreSQL and one S3 store, as behind a load balancer without sticky sessions: each
 * request of a transfer's life goes to whichever node, both run the scheduled jobs and the webhook delivery, and
 * still every job runs once and every event reaches each subscription once. Node B is configured for presigned
 * downloads (307 to the store), node A streams.
 */
class TwoNodeClusterIT {
    private static final int MIB = 1024 * 1024;
    /** Three 5 MiB chunks and a short last one: the S3 parted store composes them server-side. */
    private static final int CHUNK = 5 * MIB;
    private static final int SIZE = 16 * MIB + 3;
    private static final String TUS = "/broker/api/v1/filetransfer/upload/tus/";
    private static final String SUBSCRIBE = "altinn:events.subscribe";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BUCKET = "formidler-cluster";

    private static final List<AutoCloseable> opened = new ArrayList<>();
    private static Path root;
    private static int s3Port;
    private static TestIssuer issuer;
    private static BrokerProcess a;
    private static BrokerProcess b;

    @BeforeAll
    static void startCluster() throws Exception {
        root = Files.createTempDirectory("formidler-cluster-");
        s3Port = BrokerProcess.freePort();
        EmbeddedPostgres postgres = open(EmbeddedPostgres.builder().setOverrideWorkingDirectory(root.resolve("pg").toFile())
                .setDataDirectory(root.resolve("pg-data")).start());
        open(S3Server.start(s3Port, root.resolve("s3")));
        issuer = open(TestIssuer.start("https://cluster-issuer.formidler.local/"));
        Map<String, String> shared = new HashMap<>(S3Server.brokerProperties(s3Port, BUCKET));
        shared.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        shared.put("spring.datasource.username", "postgres");
        shared.put("spring.datasource.password", "postgres");
        shared.put("formidler.dev-tokens.enabled", "false");
        shared.put("formidler.auth.issuers[0].issuer", issuer.issuer());
        // The public key as a file, not the JWKS URL: no node depends on a fetch that a loaded CI box may time out.
        Path publicKey = root.resolve("issuer.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(issuer.key().toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        shared.put("formidler.auth.issuers[0].public-key-location", publicKey.toString());
        // Both nodes look for due jobs and deliverable events every second, so both compete for every one.
        shared.put("formidler.jobs.poll-interval", "1s");
        shared.put("formidler.events.poll-interval", "1s");
        shared.put("formidler.events.allow-private-endpoints", "true");
        Map<String, String> presigning = new HashMap<>(shared);
        presigning.put("formidler.storage.s3.presigned-downloads", "true");

        a = open(BrokerProcess.start(root.resolve("node-a"), shared));
        b = open(BrokerProcess.start(root.resolve("node-b"), presigning));
    }

    private static <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }

    /**
     * Graceful stops first (brokers, then what they use), so no process outlives the test; then the bulky data goes
     * (tens of MiB a run), and the nodes' logs stay for a look after a failure.
     */
    @AfterAll
    static void stopCluster() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        for (String bulky : List.of("s3", "pg-data", "pg")) {
            Path dir = root.resolve(bulky);
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    @Test
    void aTransferInitializedOnOneNodeIsUploadedInChunksAlternatingBetweenNodesDownloadedFromTheOtherAndConfirmedOnTheFirst()
            throws Exception {
        Scenario onA = subscribable(Scenario.on(new BrokerClient(a.baseUrl()), issuer).ready());
        BrokerClient clientB = new BrokerClient(b.baseUrl());
        Scenario onB = Scenario.on(clientB, issuer); // used with onA's tokens: same cast
        try (WebhookReceiver senderHook = WebhookReceiver.start(); WebhookReceiver recipientHook = WebhookReceiver.start();
             WebhookReceiver ownerHook = WebhookReceiver.start()) {
            // Each subscription is made on one node; delivery is claimed by whichever node gets there first.
            subscribe(onA.client, onA, issuer.enterprise(onA.sender, SUBSCRIBE), senderHook, onA.sender);
            subscribe(clientB, onA, issuer.enterprise(onA.recipient1, SUBSCRIBE), recipientHook, onA.recipient1);
            subscribe(clientB, onA, issuer.enterprise(onA.owner, SUBSCRIBE + " " + Scenario.SERVICE_OWNER), ownerHook, null);

            byte[] content = GeneratedBytes.of(21, SIZE);
            String id = onA.initialize();
            var created = tus(clientB, "POST", id, onA.senderToken, new byte[0], "Upload-Length", String.valueOf(SIZE));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("Location")).endsWith(TUS + id);

            List<BrokerClient> nodes = List.of(onA.client, clientB);
            int chunks = 0;
            for (int offset = 0; offset < SIZE; offset += CHUNK, chunks++) {
                BrokerClient writer = nodes.get(chunks % 2);
                BrokerClient other = nodes.get((chunks + 1) % 2);
                byte[] chunk = Arrays.copyOfRange(content, offset, Math.min(SIZE, offset + CHUNK));
                var patched = tus(writer, "PATCH", id, onA.senderToken, chunk, "Upload-Offset", String.valueOf(offset),
                        "Content-Type", "application/offset+octet-stream");
                assertThat(patched.status()).as("chunk %d on %s: %s", chunks, writer.baseUrl(), patched).isEqualTo(204);
                assertThat(patched.header("Upload-Offset")).isEqualTo(String.valueOf(offset + chunk.length));
                if (offset + chunk.length < SIZE) {
                    assertThat(storedFiles(".parts")).as("each chunk is its own object in the store").hasSize(chunks + 1);
                    var head = tus(other, "HEAD", id, onA.senderToken, new byte[0]);
                    assertThat(head.status()).isEqualTo(200);
                    assertThat(head.header("Upload-Offset")).as("the durable offset, seen by the other node")
                            .isEqualTo(String.valueOf(offset + chunk.length));
                    assertThat(head.header("Upload-Length")).isEqualTo(String.valueOf(SIZE));
                }
            }
            assertThat(chunks).isEqualTo(4);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            JsonNode overview = onB.overview(id, onA.senderToken).json();
            assertThat(overview.get("fileTransferStatus").asString()).as("B sees what both wrote").isEqualTo("Published");
            assertThat(overview.get("sha256").asString()).isEqualTo(sha256);
            assertThat(storedFiles(".parts")).as("the chunks are removed once composed").isEmpty();

            // B answers with a redirect to the store; the client fetches the bytes there (without its token).
            var redirect = clientB.send(clientB.request("/broker/api/v1/filetransfer/" + id + "/download", onA.recipient1Token)
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(redirect.statusCode()).isEqualTo(307);
            URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
            assertThat(location.getPort()).as("the redirect goes to the store").isEqualTo(s3Port);
            assertThat(sha256Of(clientB, HttpRequest.newBuilder(location).build())).as("the file from B's redirect")
                    .isEqualTo(sha256);
            // A streams the same file from the shared store.
            assertThat(sha256Of(onA.client, onA.client.request("/broker/api/v1/filetransfer/" + id + "/download",
                    onA.recipient2Token).GET().build())).as("the file streamed by A").isEqualTo(sha256);

            assertThat(onA.confirm(id, onA.recipient1Token).status()).isEqualTo(204);
            assertThat(onB.confirm(id, onA.recipient2Token).status()).isEqualTo(204);
            assertThat(onA.status(id)).isEqualTo("AllConfirmedDownloaded");
            JsonNode details = onB.details(id, onA.senderToken).json();
            assertThat(details.get("recipients").findValuesAsString("currentRecipientFileTransferStatusCode"))
                    .containsOnly("DownloadConfirmed");
            assertThat(details.get("recipientFileTransferStatusHistory").findValuesAsString("recipientFileTransferStatusCode"))
                    .as("both downloads were recorded, the redirected one too").contains("DownloadStarted");

            List<String> senderFeed = feed(onA.client, onA, issuer.enterprise(onA.sender, SUBSCRIBE));
            assertThat(feed(onA.client, onA, issuer.enterprise(onA.sender, SUBSCRIBE), "type")).containsExactly(
                    "no.altinn.broker.filetransferinitialized", "no.altinn.broker.published",
                    "no.altinn.broker.downloadconfirmed", "no.altinn.broker.downloadconfirmed",
                    "no.altinn.broker.allconfirmeddownloaded");
            List<String> recipientFeed = feed(clientB, onA, issuer.enterprise(onA.recipient1, SUBSCRIBE));
            List<String> ownerFeed = feed(clientB, onA, issuer.enterprise(onA.owner, SUBSCRIBE + " " + Scenario.SERVICE_OWNER));
            assertThat(recipientFeed).hasSize(2);
            assertThat(ownerFeed).hasSizeGreaterThan(senderFeed.size() + recipientFeed.size());
            assertDeliveredOnceInOrder(senderHook, senderFeed);
            assertDeliveredOnceInOrder(recipientHook, recipientFeed);
            assertDeliveredOnceInOrder(ownerHook, ownerFeed);
            assertThat(senderHook.nothingMoreWithin(Duration.ofSeconds(3))).as("no event is delivered twice").isTrue();
            assertThat(recipientHook.nothingMoreWithin(Duration.ofMillis(100))).isTrue();
            assertThat(ownerHook.nothingMoreWithin(Duration.ofMillis(100))).isTrue();
        }
    }

    @Test
    void expiredTransfersArePurgedOnceAcrossBothNodesAndTheirEventsAreDeliveredOnce() throws Exception {
        Scenario onA = subscribable(Scenario.on(new BrokerClient(a.baseUrl()), issuer).ready("{\"fileTransferTimeToLive\":\"PT10S\"}"));
        Scenario onB = Scenario.on(new BrokerClient(b.baseUrl()), issuer);
        String senderEvents = issuer.enterprise(onA.sender, SUBSCRIBE);
        try (WebhookReceiver senderHook = WebhookReceiver.start()) {
            subscribe(onB.client, onA, senderEvents, senderHook, onA.sender);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Scenario on = i % 2 == 0 ? onA : onB;
                var initialized = on.client.postJson("/broker/api/v1/filetransfer", onA.senderToken,
                        onA.initializeJson("f" + i + ".bin", List.of(onA.recipient1), ""));
                assertThat(initialized.status()).as(initialized.toString()).isEqualTo(200);
                String id = initialized.json().get("fileTransferId").asString();
                var upload = on.client.post("/broker/api/v1/filetransfer/" + id + "/upload", onA.senderToken,
                        HttpRequest.BodyPublishers.ofByteArray(GeneratedBytes.of(i, 1000 + i)), "Content-Type", "application/octet-stream");
                assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
                assertThat(storedFiles(id)).as("the file of " + id + " is in the store").isNotEmpty();
                ids.add(id);
            }

            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            for (String id : ids) {
                // Purged commits first and the object is deleted after it: wait for both.
                while (!onB.overview(id, onA.senderToken).json().get("fileTransferStatus").asString().equals("Purged")
                        || !storedFiles(id).isEmpty()) {
                    assertThat(Instant.now()).as("purge of " + id).isBefore(deadline);
                    Thread.sleep(250); // another process's scheduler: nothing to wait on but its result
                }
            }
            for (String id : ids) {
                JsonNode details = onA.details(id, onA.senderToken).json();
                assertThat(details.get("fileTransferStatusHistory").findValuesAsString("fileTransferStatus"))
                        .as("history of " + id).containsOnlyOnce("Purged");
                assertThat(purgeRuns(id)).as("runs of the purge of " + id + " on both nodes").isEqualTo(1);
                assertThat(storedFiles(id)).as("the file of " + id + " is deleted").isEmpty();
            }
            var purgedEvents = onA.client.get("/events/api/v1/events?resource=urn:altinn:resource:" + onA.resourceId
                    + "&after=0&type=no.altinn.broker.filepurged", senderEvents);
            assertThat(purgedEvents.status()).as(purgedEvents.toString()).isEqualTo(200);
            List<String> purgedTransfers = new ArrayList<>();
            purgedEvents.json().forEach(e -> purgedTransfers.add(e.get("resourceinstance").asString()));
            assertThat(purgedTransfers).as("one filepurged event per transfer").containsExactlyInAnyOrderElementsOf(ids);

            List<String> senderFeed = feed(onB.client, onA, senderEvents);
            assertThat(senderFeed).as("initialized, published, purged, never confirmed; per transfer").hasSize(4 * ids.size());
            assertDeliveredOnceInOrder(senderHook, senderFeed);
            assertThat(senderHook.nothingMoreWithin(Duration.ofSeconds(3))).as("no event is delivered twice").isTrue();
        }
    }

    /** The scenario's rules, with {@code subscribe} for the sender and both recipients. */
    private static Scenario subscribable(Scenario s) {
        s.policy("""
                {"rules":[{"subjects":["0192:%s"],"actions":["write","read","subscribe"]},
                          {"subjects":["0192:%s","0192:%s"],"actions":["read","subscribe"]}]}"""
                .formatted(s.sender, s.recipient1, s.recipient2));
        return s;
    }

    /** Subscribes {@code receiver} on {@code node} and waits for the validation handshake (answered 200). */
    private static void subscribe(BrokerClient node, Scenario s, String token, WebhookReceiver receiver, String subjectOrg)
            throws InterruptedException {
        String subject = subjectOrg == null ? "" : ",\"subjectFilter\":\"urn:altinn:organization:identifier-no:" + subjectOrg + "\"";
        var response = node.postJson("/events/api/v1/subscriptions", token, "{\"endPoint\":\"%s\",\"resourceFilter\":\"%s\"%s}"
                .formatted(receiver.url(), "urn:altinn:resource:" + s.resourceId, subject));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(receiver.accepted(1, WAIT).get(0).type()).isEqualTo("platform.events.validatesubscription");
    }

    /** The event ids of the caller's feed of the scenario's resource, from the start. */
    private static List<String> feed(BrokerClient node, Scenario s, String token) {
        return feed(node, s, token, "id");
    }

    /** One field of every event in the caller's feed of the scenario's resource, from the start. */
    private static List<String> feed(BrokerClient node, Scenario s, String token, String field) {
        var page = node.get("/events/api/v1/events?resource=urn:altinn:resource:" + s.resourceId + "&after=0&size=1000", token);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> values = new ArrayList<>();
        page.json().forEach(event -> values.add(event.get(field).asString())); // top level only, not inside data
        return values;
    }

    /** Every event of the feed arrives once, in the feed's order, with nothing in between. */
    private static void assertDeliveredOnceInOrder(WebhookReceiver receiver, List<String> feed) throws InterruptedException {
        List<String> delivered = receiver.accepted(feed.size(), WAIT).stream().map(WebhookReceiver.Delivery::id).toList();
        assertThat(delivered).containsExactlyElementsOf(feed);
        assertThat(receiver.all()).as("every delivery was accepted at once").hasSize(feed.size() + 1);
    }

    /** A TUS request on {@code node}'s URL of the transfer's upload (raw HTTP, as any TUS client sends it). */
    private static BrokerClient.Response tus(BrokerClient node, String method, String id, String token, byte[] body,
                                             String... headers) {
        String[] all = Stream.concat(Stream.of("Tus-Resumable", "1.0.0"), Stream.of(headers)).toArray(String[]::new);
        return node.send(node.request(TUS + id, token, all).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static String sha256Of(BrokerClient client, HttpRequest request) throws Exception {
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(response.body(), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The objects s3proxy holds (one file each on its disk) whose key contains {@code part}. */
    private static List<Path> storedFiles(String part) throws Exception {
        Path bucket = root.resolve("s3").resolve(BUCKET);
        try (Stream<Path> files = Files.walk(bucket)) {
            return files.filter(Files::isRegularFile).filter(f -> bucket.relativize(f).toString().contains(part)).toList();
        }
    }

    /** How often either node logged the start of the purge of {@code id}. */
    private static long purgeRuns(String id) throws Exception {
        long runs = 0;
        for (Path log : List.of(a.log(), b.log())) {
            try (Stream<String> lines = Files.lines(log)) {
                runs += lines.filter(l -> l.contains("Purge of file transfer " + id + " started")).count();
            }
        }
        return runs;
    }
}
