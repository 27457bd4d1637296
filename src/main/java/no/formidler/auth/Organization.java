package no.formidler.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Norwegian organisation, by its 9-digit number. Parses the two wire forms ({@code 0192:991825827} and
 * {@code urn:altinn:organization:identifier-no:991825827}) and writes both.
 */
public record Organization(String number) {
    public static final String URN_PREFIX = "urn:altinn:organization:identifier-no:";
    private static final Pattern NUMBER = Pattern.compile("\\d{9}");
    /** The reference's input pattern: any 4-digit ICD, or the URN form. */
    private static final Pattern WIRE_FORM = Pattern.compile("^(?:\\d{4}:\\d{9}|urn:altinn:organization:identifier-no:\\d{9})$");

    public Organization {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("An organisation number has 9 digits");
        }
    }

    /** The organisation named by an id in one of the two wire forms, or empty when the id has another shape. */
    public static Optional<Organization> parse(String id) {
        if (id == null || !WIRE_FORM.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Organization(id.substring(id.lastIndexOf(':') + 1)));
    }

    /**
     * The organisation in a claim or setting that may be bare, prefixed or URN: the part after the last colon, when
     * that is 9 digits.
     */
    public static Optional<Organization> fromAnyForm(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String tail = id.substring(id.lastIndexOf(':') + 1).trim();
        return NUMBER.matcher(tail).matches() ? Optional.of(new Organization(tail)) : Optional.empty();
    }

    public static boolean isWireForm(String id) {
        return id != null && WIRE_FORM.matcher(id).matches();
    }

    public String prefixed() {
        return "0192:" + number;
    }

    public String urn() {
        return URN_PREFIX + number;
    }

    @Override
    public String toString() {
        return prefixed();
    }
}
