package no.formidler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import no.formidler.client.testsupport.BrokerProcess;
import no.formidler.client.testsupport.Parties;
import no.formidler.client.testsupport.TestBroker;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code login} with a Maskinporten client (a real OAuth2 server as Maskinporten, the broker's exchange), then a send. */
@ExtendWith(TestBroker.class)
class CliMaskinportenIT {
    private static final String RESOURCE = "cli-maskinporten";
    @TempDir
    Path dir;

    @Test
    void aMaskinportenProfileLogsInAndSends(BrokerProcess broker, MockOAuth2Server maskinporten) throws Exception {
        Parties.setUp(broker, RESOURCE, 1 << 20);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path key = Files.writeString(dir.resolve("client-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Cli cli = new Cli(dir.resolve("config"));

        Cli.Result login = cli.run("login", "--profile", "mp", "--base-url", broker.baseUrl(), "--org", Parties.SENDER,
                "--client-id", "my-client", "--key-file", key.toString(), "--kid", "key-1",
                "--token-endpoint", maskinporten.tokenEndpointUrl(TestBroker.ISSUER_ID).toString(),
                "--audience", maskinporten.issuerUrl(TestBroker.ISSUER_ID).toString(),
                "--scopes", "altinn:broker.write altinn:broker.read");
        assertThat(login.exitCode()).as(login.output()).isZero();
        assertThat(Files.readString(dir.resolve("config/profiles/mp.properties"))).contains("auth=maskinporten")
                .doesNotContain("PRIVATE KEY");

        Path file = Files.writeString(dir.resolve("hello.txt"), "via Maskinporten");
        Cli.Result sent = cli.run("send", file.toString(), "--profile", "mp", "--resource", RESOURCE, "--to", Parties.RECIPIENT);
        assertThat(sent.exitCode()).as(sent.output()).isZero();
        assertThat(sent.output()).contains("Published");

        Cli.Result missingKey = cli.run("login", "--profile", "bad", "--base-url", broker.baseUrl(), "--org", Parties.SENDER,
                "--client-id", "my-client", "--key-file", dir.resolve("missing.pem").toString(), "--kid", "key-1",
                "--token-endpoint", maskinporten.tokenEndpointUrl(TestBroker.ISSUER_ID).toString(),
                "--audience", maskinporten.issuerUrl(TestBroker.ISSUER_ID).toString());
        assertThat(missingKey.exitCode()).isEqualTo(2);
        assertThat(dir.resolve("config/profiles/bad.properties")).doesNotExist();
    }
}
