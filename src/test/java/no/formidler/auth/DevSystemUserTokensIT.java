package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.BrokerProcess;
import org.junit.jupiter.api.Test;

/** The standalone jar's development issuer mints system-user tokens that send on behalf of their organisation. */
class DevSystemUserTokensIT {

    @Test
    void aDevSystemUserTokenSendsForItsOrganisationAndSurvivesTheExchange() throws Exception {
        Path dataDir = Files.createTempDirectory("formidler-dev-systemuser-");
        try (BrokerProcess broker = BrokerProcess.start(dataDir, Map.of())) {
            BrokerClient client = new BrokerClient(broker.baseUrl());
            String owner = client.get("/dev/tokens/enterprise?orgNo=310000041&scopes=altinn:serviceowner", null).body();
            assertThat(client.postJson("/broker/api/v1/serviceowner", owner, "{\"name\":\"Etat\"}").status()).isEqualTo(200);
            assertThat(client.putJson("/broker/api/v1/resource/dev-resource", owner, "{}").status()).isEqualTo(204);
            assertThat(client.putJson("/broker/api/v1/resource/dev-resource/policy", owner,
                    "{\"rules\":[{\"subjects\":[\"0192:310000042\"],\"actions\":[\"write\"]},"
                            + "{\"subjects\":[\"0192:310000043\"],\"actions\":[\"read\"]}]}").status()).isEqualTo(200);

            var minted = client.get("/dev/tokens/systemuser?systemUserOrg=310000042&vendorOrgNo=310000044"
                    + "&scopes=altinn:broker.write", null);
            assertThat(minted.status()).isEqualTo(200);
            assertThat(minted.header("Content-Type")).startsWith("text/plain");
            String initialize = """
                    {"fileName":"a.txt","resourceId":"dev-resource","sendersFileTransferReference":"r",
                     "sender":"0192:310000042","recipients":["0192:310000043"]}""";
            var sent = client.postJson("/broker/api/v1/filetransfer", minted.body(), initialize);
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);

            String exchanged = client.get("/authentication/api/v1/exchange/maskinporten", minted.body()).body();
            assertThat(client.postJson("/broker/api/v1/filetransfer", exchanged, initialize).status()).isEqualTo(200);

            String vendorActingForAnother = client.get("/dev/tokens/systemuser?systemUserOrg=310000044&vendorOrgNo=310000042"
                    + "&scopes=altinn:broker.write", null).body();
            assertThat(client.postJson("/broker/api/v1/filetransfer", vendorActingForAnother, initialize).status()).isEqualTo(401);

            var bad = client.get("/dev/tokens/systemuser?systemUserOrg=0192:310000042&vendorOrgNo=310000044", null);
            assertThat(bad.status()).isEqualTo(400);
            broker.stop();
        }
    }
}
