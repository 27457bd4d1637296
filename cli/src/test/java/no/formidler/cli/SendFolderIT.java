package no.formidler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import no.formidler.client.FileTransferOverview;
import no.formidler.client.testsupport.BrokerProcess;
import no.formidler.client.testsupport.Parties;
import no.formidler.client.testsupport.TestBroker;
import no.formidler.client.testsupport.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code send-folder} picks up files dropped while it runs: published ones to sent/, refused ones to failed/. */
@ExtendWith(TestBroker.class)
class SendFolderIT {
    private static final String RESOURCE = "cli-folder";
    @TempDir
    Path dir;

    @Test
    void filesDroppedWhileItRunsAreSentAndRefusedOnesExplained(BrokerProcess broker) throws Exception {
        Parties parties = Parties.setUp(broker, RESOURCE, 1 << 20);
        Cli cli = new Cli(dir.resolve("config"));
        cli.login("sender", broker.baseUrl(), Parties.SENDER, Parties.SENDER_SCOPES);
        Path outbox = Files.createDirectories(dir.resolve("outbox"));

        try (Cli.Running folder = cli.start("send-folder", outbox.toString(), "--profile", "sender", "--resource", RESOURCE,
                "--to", Parties.RECIPIENT, "--poll-seconds", "1")) {
            folder.awaitLine(line -> line.startsWith("Sending files dropped into"), Duration.ofSeconds(60));
            drop(outbox, "a.txt", "first");
            Files.writeString(outbox.resolve("b.txt"), "second"); // written in place, not moved in
            TestFiles.write(outbox.resolve("too-large.bin"), 2 << 20, 1);
            String sentA = folder.awaitLine(line -> line.startsWith("sent a.txt"), Duration.ofSeconds(90));
            folder.awaitLine(line -> line.startsWith("sent b.txt"), Duration.ofSeconds(90));
            folder.awaitLine(line -> line.startsWith("failed too-large.bin"), Duration.ofSeconds(90));
            drop(outbox, "c.txt", "third, later");
            folder.awaitLine(line -> line.startsWith("sent c.txt"), Duration.ofSeconds(90));

            assertThat(Files.readString(outbox.resolve("sent/a.txt"))).isEqualTo("first");
            assertThat(outbox.resolve("sent/b.txt")).exists();
            assertThat(outbox.resolve("sent/c.txt")).exists();
            assertThat(outbox.resolve("a.txt")).doesNotExist();
            assertThat(outbox.resolve("failed/too-large.bin")).exists();
            assertThat(Files.readString(outbox.resolve("failed/too-large.bin.reason.txt"))).isNotBlank();
            FileTransferOverview a = parties.recipient().overview(UUID.fromString(sentA.split(" ")[2]));
            assertThat(a.fileTransferStatus()).isEqualTo("Published");
            assertThat(a.fileName()).isEqualTo("a.txt");
        }
    }

    /** As a well-behaved producer drops a file: written beside, then moved in whole. */
    private void drop(Path outbox, String name, String text) throws Exception {
        Path temp = Files.writeString(dir.resolve(name + ".tmp"), text);
        Files.move(temp, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
