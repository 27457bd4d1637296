package no.formidler.cli;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import no.formidler.client.FileTransferDetails;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A transfer's timeline: its own statuses and each recipient's, in time order. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a transfer's status and timeline.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    Session session;

    @Parameters(paramLabel = "ID", description = "The file transfer id.")
    UUID id;

    record Entry(OffsetDateTime time, String who, String status, String text) {
    }

    @Override
    public Integer call() {
        FileTransferDetails details = session.client().details(id);
        List<Entry> timeline = new ArrayList<>();
        details.fileTransferStatusHistory().forEach(s -> timeline.add(new Entry(s.fileTransferStatusChanged(), "transfer",
                s.fileTransferStatus(), s.fileTransferStatusText())));
        details.recipientFileTransferStatusHistory().forEach(r -> timeline.add(new Entry(r.recipientFileTransferStatusChanged(),
                r.recipient(), r.recipientFileTransferStatusCode(), r.recipientFileTransferStatusText())));
        timeline.sort(Comparator.comparing(Entry::time));
        if (session.out().json()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("fileTransferId", details.fileTransferId());
            fields.put("fileName", details.fileName());
            fields.put("status", details.fileTransferStatus());
            fields.put("sha256", details.sha256());
            fields.put("timeline", timeline);
            session.out().result("", fields);
            return ExitCodes.OK;
        }
        StringBuilder text = new StringBuilder()
                .append(details.fileTransferId()).append("  ").append(details.fileName()).append("  ")
                .append(Output.bytes(details.fileTransferSize())).append("  ").append(details.fileTransferStatus()).append('\n')
                .append("sender ").append(details.sender()).append(", SHA-256 ").append(details.sha256());
        for (Entry entry : timeline) {
            text.append('\n').append(entry.time()).append("  ").append(String.format("%-40s", entry.who()))
                    .append(entry.status()).append(entry.text() == null ? "" : "  " + entry.text());
        }
        session.out().result(text.toString(), Map.of());
        return ExitCodes.OK;
    }
}
