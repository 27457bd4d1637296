package no.formidler.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import no.formidler.client.FileTransferOverview;
import no.formidler.client.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Published files waiting for the profile's organisation: not yet confirmed by it. */
@Command(name = "inbox", mixinStandardHelpOptions = true, description = "List the files waiting for you on a resource.")
final class InboxCommand implements Callable<Integer> {
    @Mixin
    Session session;

    @Option(names = "--resource", required = true, description = "The resource to look in.")
    String resource;

    @Override
    public Integer call() {
        for (FileTransferOverview transfer : waiting(session, resource)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("fileTransferId", transfer.fileTransferId());
            fields.put("fileName", transfer.fileName());
            fields.put("size", transfer.fileTransferSize());
            fields.put("sender", transfer.sender());
            fields.put("published", transfer.published());
            session.out().result(transfer.fileTransferId() + "  " + transfer.fileName() + "  " + Output.bytes(transfer.fileTransferSize())
                    + "  from " + transfer.sender() + "  " + transfer.published(), fields);
        }
        return ExitCodes.OK;
    }

    /** Oldest first, as they were published. */
    static List<FileTransferOverview> waiting(Session session, String resource) {
        String org = session.profile().org();
        List<UUID> ids = session.client().search(SearchQuery.resource(resource).status("Published").role("Recipient").ascending());
        return ids.stream().map(session.client()::overview)
                .filter(t -> t.statusOf(org).filter(s -> !s.equals("DownloadConfirmed")).isPresent())
                .toList();
    }
}
