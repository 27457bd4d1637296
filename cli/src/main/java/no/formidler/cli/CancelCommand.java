package no.formidler.cli;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The sender withdraws a transfer: it becomes Cancelled, its file is deleted, and its parties are told by events. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Withdraw a transfer you sent (Formidler only): it becomes Cancelled and its file is deleted.")
final class CancelCommand implements Callable<Integer> {
    @Mixin
    Session session;

    @Parameters(paramLabel = "ID", description = "The file transfer id.")
    UUID id;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the transfer's history, at most 500 characters).")
    String reason;

    @Override
    public Integer call() {
        session.client().cancel(id, Optional.ofNullable(reason).filter(r -> !r.isBlank()));
        session.out().result(id + "  Cancelled", Map.of("fileTransferId", id, "status", "Cancelled"));
        return ExitCodes.OK;
    }
}
