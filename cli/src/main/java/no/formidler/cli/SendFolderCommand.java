package no.formidler.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import no.formidler.client.BrokerProblemException;
import no.formidler.client.BrokerUnreachableException;
import no.formidler.client.FileTransferOverview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Sends every file that appears in a directory, once it has stopped changing: to {@code DIR/sent} once published,
 * to {@code DIR/failed} with {@code <name>.reason.txt} when the broker refuses it. While the broker is unreachable
 * the file stays and is tried again; a send cut off by a crash continues on the next start.
 */
@Command(name = "send-folder", mixinStandardHelpOptions = true,
        description = "Send every file dropped into a directory; runs until stopped.")
final class SendFolderCommand implements Callable<Integer> {
    @Mixin
    Session session;

    @Parameters(paramLabel = "DIR", description = "The directory to watch.")
    Path dir;

    @Option(names = "--resource", required = true, description = "The resource to send on.")
    String resource;

    @Option(names = "--to", required = true, split = ",", paramLabel = "ORG", description = "Recipients, comma-separated.")
    List<String> recipients;

    @Option(names = "--poll-seconds", defaultValue = "2", description = "Wait between looks at the directory (default: ${DEFAULT-VALUE}).")
    int pollSeconds;

    /** Size and modification time at the previous look: a file is sent when they have not changed since. */
    private final Map<Path, List<Long>> seen = new HashMap<>();

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + " is not a directory");
        }
        Files.createDirectories(dir.resolve("sent"));
        Files.createDirectories(dir.resolve("failed"));
        Sending sending = new Sending(session);
        session.out().note("Sending files dropped into " + dir + " on " + resource + " to " + recipients);
        while (!Thread.currentThread().isInterrupted()) {
            for (Path file : settled()) {
                send(sending, file);
            }
            Thread.sleep(pollSeconds * 1000L);
        }
        return ExitCodes.OK;
    }

    private List<Path> settled() throws IOException {
        List<Path> ready = new ArrayList<>();
        Map<Path, List<Long>> now = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp")) {
                    continue; // being written by someone, by convention
                }
                List<Long> state = List.of(Files.size(file), Files.getLastModifiedTime(file).toMillis());
                now.put(file, state);
                if (state.equals(seen.get(file))) {
                    ready.add(file);
                }
            }
        }
        seen.clear();
        seen.putAll(now);
        ready.sort(null);
        return ready;
    }

    private void send(Sending sending, Path file) {
        try {
            FileTransferOverview sent = sending.send(file, new Sending.Request(resource, recipients, null, Map.of()));
            if ("Published".equals(sent.fileTransferStatus())) {
                Path target = move(file, dir.resolve("sent"));
                session.out().result("sent " + file.getFileName() + " " + sent.fileTransferId(),
                        Map.of("file", target.toString(), "fileTransferId", sent.fileTransferId(), "status", "Published"));
            } else {
                fail(file, sent.fileTransferStatus() + ": " + sent.fileTransferStatusText() + " (" + sent.fileTransferId() + ")");
            }
        } catch (BrokerProblemException e) {
            fail(file, e.getMessage());
        } catch (BrokerUnreachableException e) {
            session.out().note("The broker is unreachable; " + file.getFileName() + " is tried again: " + e.getMessage());
        }
    }

    private void fail(Path file, String reason) {
        try {
            Path target = move(file, dir.resolve("failed"));
            Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"), reason + System.lineSeparator());
            session.out().result("failed " + file.getFileName() + ": " + reason,
                    Map.of("file", target.toString(), "status", "Failed", "reason", reason));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seen.remove(file);
    }

    private static Path move(Path file, Path into) {
        try {
            Path target = into.resolve(file.getFileName());
            for (int i = 1; Files.exists(target); i++) {
                target = into.resolve(i + "_" + file.getFileName());
            }
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move " + file, e);
        }
    }
}
