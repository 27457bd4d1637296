package no.formidler.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Organization;
import no.formidler.system.FormidlerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one notification (the job {@link MailDeliveries} schedules): to the organisation's addresses for the transfer's
 * resource, in its language, then marks it sent. A notification already sent, or dropped since (withdrawn, confirmed),
 * is not sent. A mail server that fails throws, and db-scheduler tries again later; a crash between the mail and the
 * mark may send it twice, never not at all, and then both carry the same Message-ID ({@link #messageId}), so that a
 * mail client or an archive can tell the second for what it is.
 */
@Component
class NotificationSender {
    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private final NotificationRepository notifications;
    private final SettingsRepository settings;
    private final Optional<JavaMailSender> mailSender;
    private final Optional<TextMessages> texts;
    private final NotificationProperties properties;
    private final String baseUrl;
    private final Clock clock;

    NotificationSender(NotificationRepository notifications, SettingsRepository settings,
                       ObjectProvider<JavaMailSender> mail, ObjectProvider<TextMessages> texts, NotificationProperties properties,
                       FormidlerProperties formidler, Clock clock) {
        this.notifications = notifications;
        this.settings = settings;
        this.mailSender = Optional.ofNullable(mail.getIfAvailable());
        this.texts = Optional.ofNullable(texts.getIfAvailable());
        this.properties = properties;
        this.baseUrl = formidler.publicBaseUrl().replaceAll("/+$", "");
        this.clock = clock;
    }

    /** @param key the notification's key, {@code <transfer>/<organisation>/<kind>} */
    void send(String key) {
        String[] parts = key.split("/");
        UUID id = UUID.fromString(parts[0]);
        Organization to = new Organization(parts[1]);
        NotificationKind kind = NotificationKind.valueOf(parts[2].toUpperCase(java.util.Locale.ROOT));
        Optional<Notification> unsent = notifications.unsent(id, to, kind);
        if (unsent.isEmpty() || mailSender.isEmpty()) {
            return;
        }
        Notification n = unsent.get();
        NotificationSettings wanted = settings.find(to);
        if (kind == NotificationKind.ALL_CONFIRMED && !wanted.notifyWhenAllConfirmed()) {
            notifications.markSent(id, to, kind, clock.instant());
            return;
        }
        MailText.Mail mail = MailText.of(n, wanted.language(), baseUrl + "/transfer/" + id);
        List<String> emails = wanted.addressesFor(NotificationSettings.Channel.EMAIL, n.resourceId());
        if (!emails.isEmpty()) {
            send(mailSender.get(), emails, mail, messageId(id, to, kind));
        }
        texts.ifPresent(t -> wanted.addressesFor(NotificationSettings.Channel.SMS, n.resourceId())
                .forEach(number -> t.send(number, mail.subject())));
        notifications.markSent(id, to, kind, clock.instant());
        log.info("Notification {} sent to {} address(es)", key, emails.size());
    }

    /**
     * {@code <transfer.organisation.kind@domain>}: the same for every attempt at one notification, unique across them
     * (RFC 5322 §3.6.4); the domain is the one of the {@code from} address. Only UUID, digits and a lower-case word go
     * in, so it needs no quoting.
     */
    private String messageId(UUID id, Organization to, NotificationKind kind) {
        String from = properties.from();
        String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + id + "." + to.number() + "." + kind.dbValue() + "@" + (domain.isEmpty() ? "localhost" : domain) + ">";
    }

    private void send(JavaMailSender sender, List<String> to, MailText.Mail mail, String messageId) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            // Spring's sender keeps a Message-ID set before sending (Jakarta Mail would make a random one).
            message.setHeader("Message-ID", messageId);
            sender.send(message);
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        } catch (MailException e) {
            log.warn("Sending a notification failed; it is tried again later: {}", e.getMessage());
            throw e;
        }
    }

    /** A message that could not be put together (an address the rules let through but mail does not take). */
    static final class MailPreparationException extends RuntimeException {
        MailPreparationException(MessagingException cause) {
            super("The notification mail could not be prepared", cause);
        }
    }
}
