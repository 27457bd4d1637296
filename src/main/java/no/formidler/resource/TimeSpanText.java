package no.formidler.resource;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Durations in .NET {@code TimeSpan} "c" text, {@code [d.]hh:mm:ss[.fffffff]}: the form the reference's GET returns
 * ({@code 30.00:00:00}, {@code 02:00:00}; days left out when 0, seven fractional digits when there is a fraction).
 */
final class TimeSpanText {
    private static final Pattern TEXT = Pattern.compile("^(?:(\\d{1,8})\\.)?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,7}))?)?$");

    private TimeSpanText() {
    }

    static String format(Duration duration) {
        long days = duration.toDays();
        String text = "%02d:%02d:%02d".formatted(duration.toHoursPart(), duration.toMinutesPart(), duration.toSecondsPart());
        if (duration.getNano() != 0) {
            text += ".%07d".formatted(duration.getNano() / 100);
        }
        return days == 0 ? text : days + "." + text;
    }

    /** Empty when the text is not TimeSpan text or a part is out of range (hours 0–23, minutes and seconds 0–59). */
    static Optional<Duration> parse(String text) {
        var m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = Integer.parseInt(m.group(3));
        int seconds = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        if (hours > 23 || minutes > 59 || seconds > 59) {
            return Optional.empty();
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long nanos = m.group(5) == null ? 0 : Long.parseLong((m.group(5) + "000000000").substring(0, 9));
        return Optional.of(Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds).plusNanos(nanos));
    }
}
