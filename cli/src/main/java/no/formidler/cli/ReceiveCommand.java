package no.formidler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import no.formidler.client.FileTransferOverview;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Downloads, verifies (SHA-256 and MD5) and optionally confirms; run again after Ctrl-C, it resumes each file. */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = "Download files (verified against the broker's SHA-256 and MD5), by id or all waiting ones.")
final class ReceiveCommand implements Callable<Integer> {
    @Mixin
    Session session;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Parameters(arity = "1..*", paramLabel = "ID", description = "File transfer ids.")
        List<UUID> ids;

        @Option(names = "--all", required = true, description = "Every file waiting for you on --resource.")
        boolean all;
    }

    @Option(names = "--resource", description = "The resource, with --all.")
    String resource;

    @Option(names = "--to", defaultValue = ".", description = "The directory to receive into (default: the current one).")
    Path dir;

    @Option(names = "--confirm", description = "Confirm each download once it is verified.")
    boolean confirm;

    @Override
    public Integer call() {
        List<UUID> ids = new ArrayList<>();
        if (which.all) {
            if (resource == null) {
                throw new UsageException("--all needs --resource");
            }
            InboxCommand.waiting(session, resource).stream().map(FileTransferOverview::fileTransferId).forEach(ids::add);
        } else {
            ids.addAll(which.ids);
        }
        Receiving receiving = new Receiving(session);
        for (UUID id : ids) {
            Receiving.Received received = receiving.receive(id, dir, confirm);
            session.out().result("received " + id + " " + received.path() + (confirm ? " (confirmed)" : ""),
                    Map.of("fileTransferId", id, "path", received.path().toString(), "size", received.transfer().fileTransferSize(),
                            "sha256", String.valueOf(received.transfer().sha256()), "confirmed", confirm));
        }
        return ExitCodes.OK;
    }
}
