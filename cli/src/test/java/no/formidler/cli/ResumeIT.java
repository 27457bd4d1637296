package no.formidler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import no.formidler.client.testsupport.BrokerProcess;
import no.formidler.client.testsupport.Parties;
import no.formidler.client.testsupport.TestBroker;
import no.formidler.client.testsupport.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB send whose client JVM is killed at about 40 % and started again with the same command, then a receive
 * killed the same way: both continue where the broker (or the part file) holds the bytes, and the received file
 * is byte-identical to the one sent.
 */
@ExtendWith(TestBroker.class)
class ResumeIT {
    private static final String RESOURCE = "cli-resume";
    private static final long SIZE = 1L << 30;
    @TempDir
    Path dir;

    @Test
    void aKilledSendAndAKilledReceiveBothResumeToAByteIdenticalFile(BrokerProcess broker) throws Exception {
        Parties.setUp(broker, RESOURCE, 2L << 30);
        Cli cli = new Cli(dir.resolve("config"));
        cli.login("sender", broker.baseUrl(), Parties.SENDER, Parties.SENDER_SCOPES);
        cli.login("recipient", broker.baseUrl(), Parties.RECIPIENT, Parties.RECIPIENT_SCOPES);
        Path file = dir.resolve("one-gib.bin");
        String sha256 = TestFiles.write(file, SIZE, 42);
        String[] send = {"send", file.toString(), "--profile", "sender", "--resource", RESOURCE, "--to", Parties.RECIPIENT};

        try (Cli.Running first = cli.start(send)) {
            first.awaitLine(line -> line.contains(": 40%"), Duration.ofMinutes(5));
            first.kill();
        }
        assertThat(stateFiles(dir.resolve("config/state/sender/sends"))).isNotEmpty();
        Cli.Result resumed = cli.run(send);
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("Resuming transfer", "Published");
        assertThat(firstPercent(resumed)).isGreaterThanOrEqualTo(30); // it did not start again from zero
        assertThat(stateFiles(dir.resolve("config/state/sender/sends"))).isEmpty();
        String id = CliCommandsIT.firstId(resumed.lines().get(resumed.lines().size() - 1));

        Path inbox = dir.resolve("inbox");
        String[] receive = {"receive", id, "--profile", "recipient", "--to", inbox.toString(), "--confirm"};
        try (Cli.Running first = cli.start(receive)) {
            first.awaitLine(line -> line.contains(": 40%"), Duration.ofMinutes(5));
            first.kill();
        }
        assertThat(inbox.resolve("one-gib.bin")).doesNotExist();
        long kept = Files.size(inbox.resolve("one-gib.bin.part"));
        assertThat(kept).isPositive().isLessThan(SIZE);
        Files.delete(file); // the disk holds one copy at a time
        Cli.Result received = cli.run(receive);
        assertThat(received.exitCode()).as(received.output()).isZero();
        assertThat(received.output()).contains("Resumed one-gib.bin at byte");
        assertThat(TestFiles.sha256(inbox.resolve("one-gib.bin"))).isEqualTo(sha256);
        Files.delete(inbox.resolve("one-gib.bin"));
    }

    private static int firstPercent(Cli.Result result) {
        return result.lines().stream().filter(line -> line.matches(".*: \\d+% \\(.*")).findFirst()
                .map(line -> Integer.parseInt(line.replaceAll(".*: (\\d+)% \\(.*", "$1"))).orElse(-1);
    }

    private static java.util.List<Path> stateFiles(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
