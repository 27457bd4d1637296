package no.formidler.resource;

import java.time.Duration;
import java.util.Optional;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

/**
 * Reads durations as the reference does (XML Schema / ISO-8601, e.g. {@code P30D}, {@code PT2H}, {@code P1Y}), where a
 * year counts 365 days and a month 30 days. Negative durations are refused. {@link TimeSpanText} is taken too, the form
 * the reference's GET returns, so a client can PUT back what it read.
 */
final class IsoDuration {
    private static final DatatypeFactory FACTORY;

    static {
        try {
            FACTORY = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private IsoDuration() {
    }

    static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.contains(":")) {
            return TimeSpanText.parse(text);
        }
        try {
            var d = FACTORY.newDuration(text.trim());
            if (d.getSign() < 0) {
                return Optional.empty();
            }
            long days = 365L * d.getYears() + 30L * d.getMonths() + d.getDays();
            Number seconds = d.getField(javax.xml.datatype.DatatypeConstants.SECONDS);
            long millis = seconds == null ? 0 : new java.math.BigDecimal(seconds.toString()).movePointRight(3).longValue();
            return Optional.of(Duration.ofDays(days).plusHours(d.getHours()).plusMinutes(d.getMinutes()).plusMillis(millis));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
