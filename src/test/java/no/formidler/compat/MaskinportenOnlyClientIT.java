package no.formidler.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import no.formidler.testsupport.MaskinportenGrants;
import no.formidler.testsupport.Scenario;
import no.formidler.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

/**
 * A client configured only as an Altinn client is: a Maskinporten token URL, a platform URL and a broker URL, all
 * pointed at the standalone jar as it starts out of the box. It sends with a JWT grant (registered client, key at a
 * JWKS URL) → exchange → initialize → TUS upload of four parts in parallel, and receives as an unregistered system
 * user (accepted while development tokens are on) → download → confirm.
 */
class MaskinportenOnlyClientIT {
    private static final int PART = 512 * 1024;
    private static final String TUS = "/broker/api/v1/filetransfer/upload/tus/";

    /** What the client is configured with, and nothing else. */
    private record AltinnClient(String maskinportenUrl, String platformUrl, String brokerUrl, TestIssuer key) {
        /** Maskinporten grant, then Altinn's exchange: the Altinn token the broker API takes. */
        String token(String scope, Consumer<JWTClaimsSet.Builder> claims) {
            var answer = MaskinportenGrants.post(new BrokerClient(maskinportenUrl.replace("/maskinporten/token", "")),
                    MaskinportenGrants.grant(key, maskinportenUrl, scope, claims));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            String maskinporten = answer.json().get("access_token").asString();
            BrokerClient platform = new BrokerClient(platformUrl);
            var exchanged = platform.send(platform.request("/authentication/api/v1/exchange/maskinporten", maskinporten,
                    "Accept", "application/json").GET().build());
            assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(200);
            return exchanged.json().asString();
        }
    }

    @Test
    void aClientWithOnlyMaskinportenSettingsSendsWithTusInParallelPartsAndTheRecipientReceives() throws Exception {
        String sender = Scenario.randomOrg();
        String recipient = Scenario.randomOrg();
        String owner = Scenario.randomOrg();
        Path dataDir = Files.createTempDirectory("formidler-maskinporten-only-");
        int port = BrokerProcess.freePort();
        try (TestIssuer senderKey = TestIssuer.start("it-sender-client");
             TestIssuer recipientKey = TestIssuer.start("it-unregistered-recipient-client");
             BrokerProcess broker = BrokerProcess.start(dataDir, port, Map.of(
                     "formidler.public-base-url", "http://127.0.0.1:" + port,
                     "formidler.maskinporten.clients[0].client-id", "it-sender-client",
                     "formidler.maskinporten.clients[0].org-number", sender,
                     "formidler.maskinporten.clients[0].jwks-uri", senderKey.jwksUri()))) {
            String base = broker.baseUrl();
            var sending = new AltinnClient(base + "/maskinporten/token", base, base, senderKey);
            var receiving = new AltinnClient(base + "/maskinporten/token", base, base, recipientKey);
            BrokerClient http = new BrokerClient(sending.brokerUrl());
            setUpResource(http, owner, sender, recipient);

            String senderToken = sending.token("altinn:broker.write altinn:broker.read", c -> { });
            byte[] file = new byte[4 * PART + 123];
            new SecureRandom().nextBytes(file);
            var init = http.postJson("/broker/api/v1/filetransfer/", senderToken, """
                    {"fileName":"parts.bin","resourceId":"mp-only","sendersFileTransferReference":"mp-1",
                     "sender":"0192:%s","recipients":["0192:%s"]}""".formatted(sender, recipient));
            assertThat(init.status()).as(init.toString()).isEqualTo(200);
            String id = init.json().get("fileTransferId").asString();
            uploadInFourParallelParts(http, senderToken, id, file);
            awaitStatus(http, senderToken, id, "Published");

            String recipientToken = receiving.token("altinn:broker.read",
                    c -> c.claim("authorization_details", MaskinportenGrants.systemUserDetails(recipient)));
            HttpResponse<byte[]> download = http.send(http.request("/broker/api/v1/filetransfer/" + id + "/download",
                    recipientToken).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(MessageDigest.getInstance("SHA-256").digest(download.body()))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(file));
            assertThat(http.postJson("/broker/api/v1/filetransfer/" + id + "/confirmdownload", recipientToken, null).status())
                    .isEqualTo(204);
            assertThat(http.get("/broker/api/v1/filetransfer/" + id, senderToken).json().get("fileTransferStatus").asString())
                    .isEqualTo("AllConfirmedDownloaded");
            broker.stop();
        }
    }

    private static void awaitStatus(BrokerClient http, String token, String id, String status) throws InterruptedException {
        String current = null;
        for (int i = 0; i < 100 && !status.equals(current); i++) {
            current = http.get("/broker/api/v1/filetransfer/" + id, token).json().get("fileTransferStatus").asString();
            Thread.sleep(current.equals(status) ? 0 : 100);
        }
        assertThat(current).isEqualTo(status);
    }

    private static void setUpResource(BrokerClient http, String owner, String sender, String recipient) {
        String token = http.get("/dev/tokens/enterprise?orgNo=" + owner + "&scopes=altinn:serviceowner", null).body();
        assertThat(http.postJson("/broker/api/v1/serviceowner", token, "{\"name\":\"Etat\"}").status()).isEqualTo(200);
        assertThat(http.putJson("/broker/api/v1/resource/mp-only", token, "{}").status()).isEqualTo(204);
        assertThat(http.putJson("/broker/api/v1/resource/mp-only/policy", token,
                "{\"rules\":[{\"subjects\":[\"0192:%s\"],\"actions\":[\"write\",\"read\"]},{\"subjects\":[\"0192:%s\"],\"actions\":[\"read\"]}]}"
                        .formatted(sender, recipient)).status()).isEqualTo(200);
    }

    /** TUS concatenation as tus-js-client's parallelUploads does it: four partials, PATCHed at once, then the final. */
    private static void uploadInFourParallelParts(BrokerClient http, String token, String id, byte[] file) throws Exception {
        List<byte[]> parts = new ArrayList<>();
        int size = (file.length + 3) / 4;
        for (int start = 0; start < file.length; start += size) {
            parts.add(Arrays.copyOfRange(file, start, Math.min(file.length, start + size)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> locations = new ArrayList<>();
            for (byte[] part : parts) {
                locations.add(pool.submit(() -> {
                    var created = http.send(http.request(TUS + id, token, "Tus-Resumable", "1.0.0",
                            "Upload-Concat", "partial", "Upload-Length", String.valueOf(part.length))
                            .POST(HttpRequest.BodyPublishers.noBody()).build());
                    assertThat(created.status()).as(created.toString()).isEqualTo(201);
                    String location = created.header("Location");
                    var patched = http.send(http.request(location, token, "Tus-Resumable", "1.0.0", "Upload-Offset", "0",
                            "Content-Type", "application/offset+octet-stream")
                            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(part)).build());
                    assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
                    return location;
                }));
            }
            StringBuilder concat = new StringBuilder("final;");
            for (Future<String> location : locations) {
                concat.append(location.get()).append(' ');
            }
            var finished = http.send(http.request(TUS + id, token, "Tus-Resumable", "1.0.0",
                    "Upload-Concat", concat.toString().trim()).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(finished.status()).as(finished.toString()).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }
    }
}
