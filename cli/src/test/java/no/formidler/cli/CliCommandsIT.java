package no.formidler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.formidler.client.testsupport.BrokerProcess;
import no.formidler.client.testsupport.Parties;
import no.formidler.client.testsupport.TestBroker;
import no.formidler.client.testsupport.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** login, send, inbox, status and receive as a user runs them, and the exit codes a script relies on. */
@ExtendWith(TestBroker.class)
class CliCommandsIT {
    private static final String RESOURCE = "cli-commands";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    @TempDir
    static Path dir;
    static BrokerProcess broker;
    static Cli cli;

    @BeforeAll
    static void logIn(BrokerProcess shared) throws InterruptedException {
        broker = shared;
        Parties.setUp(broker, RESOURCE, 1 << 20);
        cli = new Cli(dir.resolve("config"));
        cli.login("sender", broker.baseUrl(), Parties.SENDER, Parties.SENDER_SCOPES);
        cli.login("recipient", broker.baseUrl(), Parties.RECIPIENT, Parties.RECIPIENT_SCOPES);
    }

    @Test
    void aFileIsSentListedFollowedAndReceived() throws Exception {
        Path file = Files.writeString(dir.resolve("report.txt"), "Quarterly report");

        Cli.Result sent = cli.run("send", file.toString(), "--profile", "sender", "--resource", RESOURCE,
                "--to", Parties.RECIPIENT, "--reference", "q3", "--property", "period=Q3");
        assertThat(sent.exitCode()).as(sent.output()).isZero();
        assertThat(sent.output()).contains("Published");
        String id = firstId(sent.output());

        assertThat(cli.run("inbox", "--profile", "recipient", "--resource", RESOURCE).output()).contains(id, "report.txt");
        Cli.Result status = cli.run("status", id, "--profile", "sender");
        assertThat(status.output()).contains("Initialized", "UploadStarted", "Published");

        Path inbox = dir.resolve("received");
        Cli.Result received = cli.run("receive", id, "--profile", "recipient", "--to", inbox.toString(), "--confirm");
        assertThat(received.exitCode()).as(received.output()).isZero();
        assertThat(Files.readString(inbox.resolve("report.txt"))).isEqualTo("Quarterly report");
        assertThat(cli.run("inbox", "--profile", "recipient", "--resource", RESOURCE).output()).doesNotContain(id);
        assertThat(cli.run("status", id, "--profile", "sender", "--json").output()).contains("\"DownloadConfirmed\"");
    }

    @Test
    void aSendTheBrokerRefusesExitsWithThree() throws Exception {
        Path tooLarge = dir.resolve("too-large.bin");
        TestFiles.write(tooLarge, 2 << 20, 3);
        Cli.Result result = cli.run("send", tooLarge.toString(), "--profile", "sender", "--resource", RESOURCE,
                "--to", Parties.RECIPIENT, "--json");
        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.output()).contains("\"status\":");

        Cli.Result notAllowed = cli.run("send", dir.resolve("too-large.bin").toString(), "--profile", "recipient",
                "--resource", RESOURCE, "--to", Parties.SENDER);
        assertThat(notAllowed.exitCode()).as(notAllowed.output()).isEqualTo(3);
    }

    @Test
    void aReceivedFileThatDoesNotMatchItsChecksumExitsWithFiveAndIsNotKept() throws Exception {
        Path file = dir.resolve("tampered.bin");
        TestFiles.write(file, 300_000, 5);
        String id = firstId(cli.run("send", file.toString(), "--profile", "sender", "--resource", RESOURCE,
                "--to", Parties.RECIPIENT).output());
        flipOneByteOfTheStoredCopy(Files.size(file));

        Path inbox = dir.resolve("tampered-inbox");
        Cli.Result result = cli.run("receive", id, "--profile", "recipient", "--to", inbox.toString(), "--confirm");
        assertThat(result.exitCode()).as(result.output()).isEqualTo(5);
        assertThat(inbox.resolve("tampered.bin")).doesNotExist();
        assertThat(cli.run("status", id, "--profile", "sender").output()).doesNotContain("DownloadConfirmed");
    }

    @Test
    void usageErrorsExitWithTwoAndAnUnreachableBrokerWithFour() throws Exception {
        assertThat(cli.run("send", "--profile", "sender", "--resource", RESOURCE).exitCode()).isEqualTo(2);
        assertThat(cli.run("receive", "--all", "--profile", "recipient").exitCode()).isEqualTo(2);
        assertThat(cli.run("inbox", "--profile", "nobody", "--resource", RESOURCE).exitCode()).isEqualTo(2);
        Cli.Result unreachable = cli.run("login", "--profile", "offline", "--base-url",
                "http://127.0.0.1:" + BrokerProcess.freePort(), "--dev-org", Parties.SENDER);
        assertThat(unreachable.exitCode()).as(unreachable.output()).isEqualTo(4);
    }

    @Test
    void helpIsThereForEveryCommand() throws Exception {
        Cli.Result help = cli.run("help");
        assertThat(help.exitCode()).isZero();
        for (String command : List.of("login", "send", "inbox", "status", "receive", "watch", "send-folder")) {
            assertThat(help.output()).contains(command);
            Cli.Result commandHelp = cli.run(command, "--help");
            assertThat(commandHelp.exitCode()).isZero();
            assertThat(commandHelp.output()).contains("Usage: formidler " + command);
        }
    }

    /** Tampering at rest: the broker's stored copy changes after its checksums were computed. */
    private static void flipOneByteOfTheStoredCopy(long size) throws IOException {
        Path blobs = broker.log().getParent().resolve("blobs");
        try (Stream<Path> files = Files.walk(blobs)) {
            Path stored = files.filter(Files::isRegularFile).filter(p -> sizeOf(p) == size).findFirst().orElseThrow();
            try (RandomAccessFile raf = new RandomAccessFile(stored.toFile(), "rw")) {
                raf.seek(size / 2);
                int b = raf.read();
                raf.seek(size / 2);
                raf.write(b ^ 0xff);
            }
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    static String firstId(String output) {
        Matcher matcher = ID.matcher(output);
        if (!matcher.find()) {
            throw new AssertionError("No transfer id in:\n" + output);
        }
        return UUID.fromString(matcher.group()).toString();
    }
}
