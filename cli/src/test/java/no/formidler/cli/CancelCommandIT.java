package no.formidler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import no.formidler.client.testsupport.BrokerProcess;
import no.formidler.client.testsupport.Parties;
import no.formidler.client.testsupport.TestBroker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code formidler cancel}: the sender withdraws a transfer; the timeline shows why; the recipient cannot. */
@ExtendWith(TestBroker.class)
class CancelCommandIT {
    private static final String RESOURCE = "cli-cancel";
    @TempDir
    static Path dir;
    static Cli cli;

    @BeforeAll
    static void logIn(BrokerProcess broker) throws InterruptedException {
        Parties.setUp(broker, RESOURCE, 1 << 20);
        cli = new Cli(dir.resolve("config"));
        cli.login("sender", broker.baseUrl(), Parties.SENDER, Parties.SENDER_SCOPES);
        cli.login("recipient", broker.baseUrl(), Parties.RECIPIENT, Parties.RECIPIENT_SCOPES);
    }

    @Test
    void helpDescribesTheCommand() throws Exception {
        Cli.Result help = cli.run("cancel", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("Usage: formidler cancel", "--reason");
        assertThat(cli.run("help").output()).contains("cancel");
    }

    @Test
    void theSenderCancelsWithAReasonAndASecondCancelIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("wrong.txt"), "Sent by mistake");
        String id = CliCommandsIT.firstId(cli.run("send", file.toString(), "--profile", "sender", "--resource", RESOURCE,
                "--to", Parties.RECIPIENT).output());

        Cli.Result refused = cli.run("cancel", id, "--profile", "recipient");
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(3);

        Cli.Result cancelled = cli.run("cancel", id, "--profile", "sender", "--reason", "Wrong recipient");
        assertThat(cancelled.exitCode()).as(cancelled.output()).isZero();
        assertThat(cli.run("status", id, "--profile", "sender").output())
                .contains("Cancelled", "FileTransfer cancelled by the sender: Wrong recipient");

        Cli.Result again = cli.run("cancel", id, "--profile", "sender");
        assertThat(again.exitCode()).as(again.output()).isEqualTo(3);
        assertThat(again.output()).contains("BRO-02001");
    }
}
