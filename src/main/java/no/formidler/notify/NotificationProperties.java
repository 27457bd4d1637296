package no.formidler.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code formidler.notifications.*}, documented in README). Mail itself is configured by
 * {@code spring.mail.*}; without {@code spring.mail.host} there are no notifications.
 *
 * @param from                 the sender address of every mail
 * @param reminderBeforeExpiry an unconfirmed transfer is reminded of once, this long before it expires
 * @param firstRetry           a mail that could not be sent is tried again after this, then after 1.5 times as long, …
 */
@ConfigurationProperties("formidler.notifications")
record NotificationProperties(
        @DefaultValue("formidler@localhost") String from,
        @DefaultValue("P7D") Duration reminderBeforeExpiry,
        @DefaultValue("PT1M") Duration firstRetry) {
}
