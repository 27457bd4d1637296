package no.formidler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import org.junit.jupiter.api.Test;

/** The standalone broker as a user runs it: one jar, development tokens, data that survives a kill -9. */
class StandaloneRestartIT {

    @Test
    void dataSurvivesAKillAndRestartOnTheSameDataDirectory() throws Exception {
        Path dataDir = Files.createTempDirectory("formidler-restart-");
        int port = BrokerProcess.freePort();
        String token;
        try (BrokerProcess broker = BrokerProcess.start(dataDir, port, Map.of())) {
            BrokerClient client = new BrokerClient(broker.baseUrl());
            token = client.get("/dev/tokens/enterprise?orgNo=991825827&scopes=altinn:serviceowner", null).body();
            assertThat(client.postJson("/broker/api/v1/serviceowner", token, "{\"name\":\"Survivor\"}").status()).isEqualTo(200);
            broker.kill();
        }
        try (BrokerProcess broker = BrokerProcess.start(dataDir, port, Map.of())) {
            BrokerClient client = new BrokerClient(broker.baseUrl());
            var owner = client.get("/broker/api/v1/serviceowner", token);
            assertThat(owner.status()).as("a token signed before the restart is still valid").isEqualTo(200);
            assertThat(owner.json().get("name").asString()).isEqualTo("Survivor");
        }
    }
}
