package no.formidler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import no.formidler.client.BrokerClient;
import no.formidler.client.FileTransferRequest;
import no.formidler.client.UploadOptions;
import no.formidler.client.testsupport.BrokerProcess;
import no.formidler.client.testsupport.Parties;
import no.formidler.client.testsupport.TestBroker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code formidler verify-receipt}: a receipt from the real broker checks out, a changed one or file exits 5. */
@ExtendWith(TestBroker.class)
class VerifyReceiptIT {
    private static final String RESOURCE = "cli-receipts";
    @TempDir
    static Path dir;
    static BrokerProcess broker;
    static Cli cli;
    static Path file;
    static Path receipt;

    @BeforeAll
    static void sendAndSaveTheReceipt(BrokerProcess shared) throws Exception {
        broker = shared;
        Parties.setUp(broker, RESOURCE, 1 << 20);
        cli = new Cli(dir.resolve("config"));
        cli.login("sender", broker.baseUrl(), Parties.SENDER, Parties.SENDER_SCOPES);
        file = Files.writeString(dir.resolve("invoice.txt"), "Invoice 2026-12");
        BrokerClient sender = Parties.sender(broker);
        UUID id = sender.send(FileTransferRequest.of("invoice.txt", RESOURCE, "0192:" + Parties.SENDER,
                List.of("0192:" + Parties.RECIPIENT)), file, UploadOptions.DEFAULT);
        sender.awaitProcessed(id, Duration.ofSeconds(30));
        receipt = Files.writeString(dir.resolve("submission.jws"), sender.evidence().receipts(id).get(0));
        Files.writeString(dir.resolve("jwks.json"), sender.evidence().publicKeys());
    }

    @Test
    void aReceiptAndItsFileVerifyWithTheBrokersKeys() throws Exception {
        Cli.Result result = cli.run("verify-receipt", receipt.toString(), "--file", file.toString(), "--profile", "sender");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Receipt verified: submission of invoice.txt", "the file matches");

        Cli.Result offline = cli.run("verify-receipt", receipt.toString(), "--jwks", dir.resolve("jwks.json").toString(),
                "--json");
        assertThat(offline.exitCode()).as(offline.output()).isZero();
        assertThat(offline.output()).contains("\"verified\":true");
    }

    @Test
    void aChangedFileOrReceiptExitsWithFive() throws Exception {
        Path changed = Files.writeString(dir.resolve("invoice-changed.txt"), "Invoice 2026-13");
        Cli.Result wrongFile = cli.run("verify-receipt", receipt.toString(), "--file", changed.toString(),
                "--jwks", dir.resolve("jwks.json").toString());
        assertThat(wrongFile.exitCode()).as(wrongFile.output()).isEqualTo(5);
        assertThat(wrongFile.output()).contains("SHA-256");

        String[] parts = Files.readString(receipt).split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, 10) + (parts[1].charAt(10) == 'A' ? 'B' : 'A')
                + parts[1].substring(11) + "." + parts[2];
        Path forgedReceipt = Files.writeString(dir.resolve("forged.jws"), forged);
        Cli.Result wrongReceipt = cli.run("verify-receipt", forgedReceipt.toString(),
                "--jwks", dir.resolve("jwks.json").toString());
        assertThat(wrongReceipt.exitCode()).as(wrongReceipt.output()).isEqualTo(5);
    }
}
