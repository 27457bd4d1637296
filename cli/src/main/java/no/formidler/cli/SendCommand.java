package no.formidler.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import no.formidler.client.FileTransferOverview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sends files, one transfer each; run again after Ctrl-C or a crash, it continues where the broker stored the bytes. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send files to one or more organisations; large files go resumably, in parallel parts.")
final class SendCommand implements Callable<Integer> {
    @Mixin
    Session session;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to send.")
    List<Path> files;

    @Option(names = "--resource", required = true, description = "The resource (file-exchange service) to send on.")
    String resource;

    @Option(names = "--to", required = true, split = ",", paramLabel = "ORG", description = "Recipients, 9 digits each, comma-separated.")
    List<String> recipients;

    @Option(names = "--reference", description = "Your own reference of the transfer.")
    String reference;

    @Option(names = "--property", paramLabel = "KEY=VALUE", description = "A property of the transfer (repeatable).")
    Map<String, String> properties = new LinkedHashMap<>();

    @Override
    public Integer call() {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UsageException(file + " is not a file");
            }
        }
        Sending sending = new Sending(session);
        int exit = ExitCodes.OK;
        for (Path file : files) {
            FileTransferOverview sent = sending.send(file, new Sending.Request(resource, recipients, reference, properties));
            boolean published = "Published".equals(sent.fileTransferStatus());
            session.out().result(file + " " + sent.fileTransferId() + " " + sent.fileTransferStatus()
                    + (published ? "" : ": " + sent.fileTransferStatusText()),
                    Map.of("file", file.toString(), "fileTransferId", sent.fileTransferId(), "status", sent.fileTransferStatus(),
                            "statusText", String.valueOf(sent.fileTransferStatusText())));
            if (!published) {
                exit = ExitCodes.REFUSED;
            }
        }
        return exit;
    }
}
