package no.formidler.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.formidler.events.EventType;
import no.formidler.events.Role;
import no.formidler.events.TransferEvent;

/** The one table of which events each status change causes, and to whom. */
final class TransitionEvents {
    private TransitionEvents() {
    }

    static List<TransferEvent> of(StatusChange change) {
        FileTransfer t = change.transfer();
        Instant at = change.at();
        if (change instanceof StatusChange.OfRecipient r) {
            return switch (r.status()) {
                case Initialized, DownloadStarted -> List.of();
                case DownloadConfirmed -> List.of(
                        new TransferEvent(EventType.DOWNLOAD_CONFIRMED, t.resourceId(), t.id(), r.recipient(),
                                r.recipient().prefixed(), Role.Recipient, at),
                        new TransferEvent(EventType.DOWNLOAD_CONFIRMED, t.resourceId(), t.id(),
                                t.senderOrganization(), t.sender(), Role.Sender, at, r.recipient().prefixed()));
            };
        }
        return switch (((StatusChange.OfTransfer) change).status()) {
            case Initialized -> List.of(toSender(EventType.FILE_TRANSFER_INITIALIZED, t, at));
            case UploadStarted -> List.of();
            case UploadProcessing -> List.of(toSender(EventType.UPLOAD_PROCESSING, t, at));
            case Published -> published(t, at);
            case Failed -> List.of(toSender(EventType.UPLOAD_FAILED, t, at));
            case AllConfirmedDownloaded -> List.of(toSender(EventType.ALL_CONFIRMED_DOWNLOADED, t, at));
            case Purged -> purged(t, at);
            case Cancelled -> cancelled(t, at);
        };
    }

    /** To the sender and to every recipient: the recipients hear of the transfer only now. */
    private static List<TransferEvent> published(FileTransfer t, Instant at) {
        List<TransferEvent> events = new ArrayList<>();
        events.add(toSender(EventType.PUBLISHED, t, at));
        t.recipients().forEach(r -> events.add(toRecipient(EventType.PUBLISHED, t, r, at)));
        return events;
    }

    /** To the sender, and to the recipients when they were told it was published. */
    private static List<TransferEvent> cancelled(FileTransfer t, Instant at) {
        List<TransferEvent> events = new ArrayList<>();
        events.add(toSender(EventType.FILE_TRANSFER_CANCELLED, t, at));
        if (t.published().isPresent()) {
            t.recipients().forEach(r -> events.add(toRecipient(EventType.FILE_TRANSFER_CANCELLED, t, r, at)));
        }
        return events;
    }

    /**
     * {@code filepurged} to the sender; {@code fileneverconfirmeddownloaded} to each recipient that had not confirmed
     * and, when there was one, once to the sender.
     */
    private static List<TransferEvent> purged(FileTransfer t, Instant at) {
        List<TransferEvent> events = new ArrayList<>();
        events.add(toSender(EventType.FILE_PURGED, t, at));
        List<Recipient> unconfirmed = t.recipients().stream()
                .filter(r -> r.status() != RecipientStatus.DownloadConfirmed)
                .toList();
        unconfirmed.forEach(r -> events.add(toRecipient(EventType.FILE_NEVER_CONFIRMED_DOWNLOADED, t, r, at)));
        if (!unconfirmed.isEmpty()) {
            events.add(toSender(EventType.FILE_NEVER_CONFIRMED_DOWNLOADED, t, at));
        }
        return events;
    }

    private static TransferEvent toSender(EventType type, FileTransfer t, Instant at) {
        return new TransferEvent(type, t.resourceId(), t.id(), t.senderOrganization(), t.sender(), Role.Sender, at);
    }

    private static TransferEvent toRecipient(EventType type, FileTransfer t, Recipient r, Instant at) {
        return new TransferEvent(type, t.resourceId(), t.id(), r.organization(), r.organization().prefixed(),
                Role.Recipient, at);
    }
}
