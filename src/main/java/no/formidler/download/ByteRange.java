package no.formidler.download;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;

/**
 * One satisfiable byte range of a file (RFC 9110 §14.1.2, as the reference resolves it for E7: docs/compatibility.md
 * §5.4). A header that is absent, malformed, not in bytes, or asks for several ranges means "the whole file".
 */
public record ByteRange(long first, long last, long total) {
    private static final Pattern SINGLE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    public long length() {
        return last - first + 1;
    }

    public String contentRange() {
        return "bytes " + first + "-" + last + "/" + total;
    }

    /**
     * The range asked for, resolved against the file size; empty for "the whole file".
     *
     * @throws BrokerException 416 BRO-00029 when the range cannot be satisfied
     */
    public static Optional<ByteRange> resolve(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (size <= 0) {
            throw unsatisfiable();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix <= 0) {
                    throw unsatisfiable();
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1, size));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
            if (first >= size || last < first) {
                throw unsatisfiable();
            }
            return Optional.of(new ByteRange(first, Math.min(last, size - 1), size));
        } catch (NumberFormatException tooLong) {
            throw unsatisfiable();
        }
    }

    private static BrokerException unsatisfiable() {
        return new BrokerException(BrokerError.RANGE_NOT_SATISFIABLE);
    }
}
