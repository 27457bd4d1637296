package no.formidler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import no.formidler.client.BrokerClient;
import no.formidler.client.FileTransferRequest;
import no.formidler.client.UploadOptions;
import no.formidler.client.testsupport.BrokerProcess;
import no.formidler.client.testsupport.Parties;
import no.formidler.client.testsupport.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code watch} receives 100 files sent in a row, each once and in order, across a restart of the watcher. */
@ExtendWith(TestBroker.class)
class WatchIT {
    private static final String RESOURCE = "cli-watch";
    private static final int FILES = 100;
    @TempDir
    Path dir;

    @Test
    void aRestartedWatcherGoesOnWithTheNextFileNeitherMissingNorRepeatingOne(BrokerProcess broker) throws Exception {
        Parties parties = Parties.setUp(broker, RESOURCE, 1 << 20);
        Cli cli = new Cli(dir.resolve("config"));
        cli.login("recipient", broker.baseUrl(), Parties.RECIPIENT, Parties.RECIPIENT_SCOPES);
        Path inbox = dir.resolve("inbox");
        String[] watch = {"watch", "--profile", "recipient", "--resource", RESOURCE, "--to", inbox.toString(), "--poll-seconds", "1"};
        BrokerClient sender = parties.sender();
        List<UUID> sent = new ArrayList<>();
        List<String> lines = new ArrayList<>();

        try (Cli.Running first = cli.start(watch)) {
            first.awaitLine(line -> line.startsWith("Watching"), Duration.ofSeconds(60));
            for (int i = 0; i < FILES / 2; i++) {
                sent.add(send(sender, i));
            }
            first.awaitLine(line -> line.contains(sent.get(FILES / 4).toString()), Duration.ofMinutes(3));
            first.stop(); // in the middle of the stream of files
            lines.addAll(first.lines);
        }
        for (int i = FILES / 2; i < FILES; i++) {
            sent.add(send(sender, i));
        }
        try (Cli.Running second = cli.start(watch)) {
            second.awaitLine(line -> line.contains(sent.get(FILES - 1).toString()), Duration.ofMinutes(3));
            lines.addAll(second.lines);
        }

        List<String> receivedIds = lines.stream().filter(line -> line.startsWith("received "))
                .map(line -> line.split(" ")[1]).toList();
        assertThat(receivedIds).doesNotHaveDuplicates();
        assertThat(receivedIds).containsExactlyElementsOf(sent.stream().map(UUID::toString)
                .filter(receivedIds::contains).toList()); // in the order sent
        assertThat(new LinkedHashSet<>(receivedIds).size()).isGreaterThanOrEqualTo(FILES - 1); // one may have been cut at the stop
        try (Stream<Path> files = Files.list(inbox)) {
            assertThat(files.filter(p -> !p.toString().endsWith(".part")).toList()).hasSize(FILES);
        }
        for (int i = 0; i < FILES; i++) {
            assertThat(Files.readString(inbox.resolve("file-" + i + ".txt"))).isEqualTo("file number " + i);
        }
        BrokerClient recipient = parties.recipient();
        for (UUID id : sent) {
            assertThat(recipient.overview(id).statusOf(Parties.RECIPIENT)).contains("DownloadConfirmed");
        }
    }

    private UUID send(BrokerClient sender, int i) throws Exception {
        Path file = Files.writeString(dir.resolve("file-" + i + ".txt"), "file number " + i);
        UUID id = sender.send(FileTransferRequest.of(file.getFileName().toString(), RESOURCE, "0192:" + Parties.SENDER,
                List.of("0192:" + Parties.RECIPIENT)).withProperties(Map.of("n", String.valueOf(i))), file, UploadOptions.DEFAULT);
        sender.awaitProcessed(id, Duration.ofSeconds(30));
        return id;
    }
}
