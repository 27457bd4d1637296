package no.formidler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import no.formidler.testsupport.GeneratedBytes;
import no.formidler.testsupport.S3Server;
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

/**
 * Two broker processes on one PostgreSQL and one S3 store, as behind a load balancer without sticky sessions: each
 * request of a transfer's life goes to whichever node, and both see the same transfer and the same file. Node B is
 * configured for presigned downloads (307 to the store), node A streams.
 */
class TwoNodeClusterIT {
    private static final int SIZE = 12 * 1024 * 1024 + 3;

    @Test
    void aTransferInitializedAndUploadedOnOneNodeIsDownloadedFromEitherAndConfirmedOnTheFirst() throws Exception {
        Path root = Files.createTempDirectory("formidler-cluster-");
        int s3Port = BrokerProcess.freePort();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(root.resolve("pg").toFile())
                     .setDataDirectory(root.resolve("pg-data")).start();
             S3Server s3 = S3Server.start(s3Port, root.resolve("s3"));
             TestIssuer issuer = TestIssuer.start("https://cluster-issuer.formidler.local/")) {
            Map<String, String> shared = new HashMap<>(S3Server.brokerProperties(s3Port, "formidler-cluster"));
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
            Map<String, String> presigning = new HashMap<>(shared);
            presigning.put("formidler.storage.s3.presigned-downloads", "true");

            try (BrokerProcess a = BrokerProcess.start(root.resolve("node-a"), shared);
                 BrokerProcess b = BrokerProcess.start(root.resolve("node-b"), presigning)) {
                Scenario onA = Scenario.on(new BrokerClient(a.baseUrl()), issuer).ready();
                Scenario onB = Scenario.on(new BrokerClient(b.baseUrl()), issuer); // used with onA's tokens: same cast
                byte[] content = GeneratedBytes.of(21, SIZE);

                String id = onA.initialize();
                var upload = onA.upload(id, content);
                assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
                assertThat(new BrokerClient(b.baseUrl()).get("/broker/api/v1/filetransfer/" + id, onA.senderToken)
                        .json().get("fileTransferStatus").asString()).as("B sees what A wrote").isEqualTo("Published");

                // B answers with a redirect to the store; the client fetches the bytes there (without its token).
                HttpClient http = HttpClient.newHttpClient();
                var redirect = http.send(HttpRequest.newBuilder(URI.create(b.baseUrl() + "/broker/api/v1/filetransfer/" + id + "/download"))
                        .header("Authorization", "Bearer " + onA.recipient1Token).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(redirect.statusCode()).isEqualTo(307);
                URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
                assertThat(location.getPort()).as("the redirect goes to the store").isEqualTo(s3Port);
                var fromStore = http.send(HttpRequest.newBuilder(location).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(fromStore.statusCode()).isEqualTo(200);
                assertThat(fromStore.body()).isEqualTo(content);

                // A streams the same file from the shared store.
                var streamed = http.send(HttpRequest.newBuilder(URI.create(a.baseUrl() + "/broker/api/v1/filetransfer/" + id + "/download"))
                        .header("Authorization", "Bearer " + onA.recipient2Token).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(streamed.statusCode()).isEqualTo(200);
                assertThat(streamed.body()).isEqualTo(content);

                var details = onB.details(id, onA.senderToken).json();
                assertThat(details.get("recipientFileTransferStatusHistory").findValuesAsString("recipientFileTransferStatusCode"))
                        .as("both downloads were recorded, the redirected one too").contains("DownloadStarted");
                assertThat(details.get("recipients").findValuesAsString("currentRecipientFileTransferStatusCode"))
                        .containsOnly("DownloadStarted");

                assertThat(onA.confirm(id, onA.recipient1Token).status()).isEqualTo(204);
                assertThat(onB.confirm(id, onA.recipient2Token).status()).isEqualTo(204);
                assertThat(onA.status(id)).isEqualTo("AllConfirmedDownloaded");
                assertThat(onB.overview(id, onA.senderToken).json().get("fileTransferStatus").asString())
                        .isEqualTo("AllConfirmedDownloaded");
            }
        }
    }
}
