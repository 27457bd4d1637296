package no.formidler.resource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;

/**
 * Reads durations as the reference does (XML Schema / ISO-8601, e.g. {@code P30D}, {@code PT2H}, {@code P1Y}), where a
 * year counts 365 days and a month 30 days. Negative durations, and any longer than the reference can hold, are
 * refused. {@link TimeSpanText} is taken too, the form the reference's GET returns, so a client can PUT back what it read.
 */
final class IsoDuration {
    private static final DatatypeFactory FACTORY;
    /** The reference's TimeSpan.MaxValue (10,675,199 days and a bit): longer is a format error there, and here. */
    private static final BigDecimal LONGEST_SECONDS = new BigDecimal("922337203685.4775807");
    private static final Duration LONGEST = Duration.ofSeconds(922_337_203_685L, 477_580_700);

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
            // TimeSpan text may name up to 99,999,999 days: longer than TimeSpan.MaxValue is refused here as well.
            return TimeSpanText.parse(text).filter(d -> d.compareTo(LONGEST) <= 0);
        }
        try {
            var d = FACTORY.newDuration(text.trim());
            if (d.getSign() < 0) {
                return Optional.empty();
            }
            // Fields are read whole (getDays() and the like wrap around past 2^31), then summed exactly.
            BigDecimal days = field(d, DatatypeConstants.YEARS).multiply(BigDecimal.valueOf(365))
                    .add(field(d, DatatypeConstants.MONTHS).multiply(BigDecimal.valueOf(30)))
                    .add(field(d, DatatypeConstants.DAYS));
            BigDecimal seconds = days.multiply(BigDecimal.valueOf(86_400))
                    .add(field(d, DatatypeConstants.HOURS).multiply(BigDecimal.valueOf(3_600)))
                    .add(field(d, DatatypeConstants.MINUTES).multiply(BigDecimal.valueOf(60)))
                    .add(field(d, DatatypeConstants.SECONDS));
            if (seconds.compareTo(LONGEST_SECONDS) > 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(seconds.movePointRight(3).longValue()));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static BigDecimal field(javax.xml.datatype.Duration duration, DatatypeConstants.Field field) {
        Number value = duration.getField(field);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
