package no.formidler.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.formidler.events.TransferEvent;
import no.formidler.transfer.FileTransfer;
import no.formidler.transfer.Recipient;
import no.formidler.transfer.RecipientStatus;
import no.formidler.transfer.StatusChange;
import no.formidler.transfer.TransferStatus;
import no.formidler.transfer.TransitionStep;
import org.springframework.stereotype.Component;

/**
 * Turns status changes into notifications, in the change's own transaction (a step on the transition path): a row per
 * notification under its unique key, and its delivery scheduled. Nothing here talks to a mail server, so a mail
 * outage never holds up a transfer. Without mail configured it does nothing.
 */
@Component
class NotificationTrigger implements TransitionStep {
    private final NotificationRepository notifications;
    private final MailDeliveries deliveries;
    private final NotificationProperties properties;

    NotificationTrigger(NotificationRepository notifications, MailDeliveries deliveries, NotificationProperties properties) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.properties = properties;
    }

    @Override
    public void applied(StatusChange change, List<TransferEvent> events) {
        if (!deliveries.enabled()) {
            return;
        }
        FileTransfer t = change.transfer();
        if (change instanceof StatusChange.OfRecipient r) {
            if (r.status() == RecipientStatus.DownloadConfirmed) {
                notifications.dropUnsent(t.id(), Optional.of(r.recipient()), NotificationKind.REMINDER);
            }
            return;
        }
        TransferStatus status = ((StatusChange.OfTransfer) change).status();
        switch (status) {
            case Published -> published(t, change.at());
            case AllConfirmedDownloaded -> {
                notifications.dropUnsent(t.id(), Optional.empty(), NotificationKind.REMINDER);
                add(notification(t, NotificationKind.ALL_CONFIRMED, t.senderOrganization()), change.at(), change.at());
            }
            case Cancelled, Purged -> notifications.dropUnsent(t.id(), Optional.empty(), NotificationKind.PUBLISHED,
                    NotificationKind.REMINDER);
            default -> {
            }
        }
    }

    private void published(FileTransfer t, Instant at) {
        Instant reminder = t.expirationTime().minus(properties.reminderBeforeExpiry());
        for (Recipient r : t.recipients()) {
            add(notification(t, NotificationKind.PUBLISHED, r.organization()), at, at);
            if (reminder.isAfter(at)) {
                add(notification(t, NotificationKind.REMINDER, r.organization()), at, reminder);
            }
        }
    }

    private void add(Notification n, Instant at, Instant due) {
        if (notifications.insert(n, at)) {
            deliveries.schedule(n, due);
        }
    }

    private static Notification notification(FileTransfer t, NotificationKind kind, no.formidler.auth.Organization to) {
        return new Notification(t.id(), to, kind, t.resourceId(), t.fileName(), t.fileSize(),
                Optional.ofNullable(t.sendersReference()), t.sender(), t.expirationTime());
    }
}
