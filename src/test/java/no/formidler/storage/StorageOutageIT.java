package no.formidler.storage;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A broker whose S3 store is down at start: it starts, says it is not ready (with a log line an operator can find),
 * answers uploads and downloads with 503 problem details and leaves the transfer open, and works as soon as the
 * store answers.
 */
class StorageOutageIT {

    @Test
    void aBrokerWhoseStoreIsDownIsNotReadyAnswers503AndRecoversWhenTheStoreComesBack() throws Exception {
        Path dataDir = Files.createTempDirectory("formidler-outage-");
        int s3Port = BrokerProcess.freePort();
        Map<String, String> properties = new HashMap<>(S3Server.brokerProperties(s3Port, "formidler-outage"));
        try (TestIssuer issuer = TestIssuer.start("https://outage-issuer.formidler.local/")) {
            properties.put("formidler.auth.issuers[0].issuer", issuer.issuer());
            // The public key as a file, not the JWKS URL: no node depends on a fetch that a loaded CI box may time out.
            Path publicKey = dataDir.resolve("issuer.pem");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + java.util.Base64.getMimeEncoder().encodeToString(issuer.key().toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            properties.put("formidler.auth.issuers[0].public-key-location", publicKey.toString());
            try (BrokerProcess broker = BrokerProcess.start(dataDir, properties)) {
                BrokerClient client = new BrokerClient(broker.baseUrl());
                assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(503);
                assertThat(Files.readString(broker.log()))
                        .contains("Blob store S3 bucket formidler-outage is NOT reachable: readiness is DOWN");

                Scenario scenario = Scenario.on(client, issuer).ready();
                String id = scenario.initialize();
                byte[] content = GeneratedBytes.of(11, 6 * 1024 * 1024 + 5);
                var refused = scenario.upload(id, content);
                assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                assertThat(refused.json().get("code").asString()).isEqualTo("BRO-00021");
                assertThat(scenario.status(id)).as("the transfer still takes an upload").isEqualTo("UploadStarted");

                try (S3Server s3 = S3Server.start(s3Port, dataDir.resolve("s3"))) {
                    assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(200);
                    var accepted = scenario.upload(id, content);
                    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
                    assertThat(scenario.status(id)).isEqualTo("Published");
                    var download = client.send(client.request("/broker/api/v1/filetransfer/" + id + "/download",
                            scenario.recipient1Token).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(download.statusCode()).isEqualTo(200);
                    assertThat(download.body()).isEqualTo(content);
                }
                var downAgain = scenario.download(id, scenario.recipient2Token);
                assertThat(downAgain.status()).as(downAgain.toString()).isEqualTo(503);
                assertThat(downAgain.json().get("code").asString()).isEqualTo("BRO-00021");
                assertThat(Files.readString(broker.log())).contains("Blob store S3 bucket formidler-outage is reachable");
            }
        }
    }
}
