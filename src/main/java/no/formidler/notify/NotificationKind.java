package no.formidler.notify;

import java.util.Locale;

/** What a notification tells: a file waits, a file still waits before it expires, every recipient confirmed. */
enum NotificationKind {
    PUBLISHED, REMINDER, ALL_CONFIRMED;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
