package no.formidler.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Judges an HTTP/1.1 request head byte for byte, as it arrived, for the two framing shapes that let a proxy in front
 * and the broker disagree on where a request ends (request smuggling): a line that ends in a bare LF instead of CRLF,
 * and {@code Content-Length} together with {@code Transfer-Encoding} (RFC 9112 §2.2 and §6.1 allow a server to refuse
 * both with 400). Plain Java, no server types.
 */
final class RequestFraming {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final int MAX_NAME = 32;

    static final String BARE_LF = "A line of the request head ends in a bare LF; lines must end in CRLF.";
    static final String BOTH_LENGTHS = "The request has both Content-Length and Transfer-Encoding; send one of them.";

    private RequestFraming() {
    }

    /**
     * The refusal for the head that starts at {@code from} (the request line) in {@code bytes}, or empty when it is
     * well framed. Empty too when no end of the head (an empty line) lies before {@code limit}: then this is not a
     * head and there is nothing to judge.
     */
    static Optional<String> refusal(byte[] bytes, int from, int limit) {
        boolean contentLength = false;
        boolean transferEncoding = false;
        boolean requestLine = true;
        for (int line = from; line < limit; ) {
            int lf = indexOf(bytes, LF, line, limit);
            if (lf < 0) {
                return Optional.empty();
            }
            if (lf == line || bytes[lf - 1] != CR) {
                return Optional.of(BARE_LF);
            }
            int end = lf - 1;
            if (end == line) {
                return contentLength && transferEncoding ? Optional.of(BOTH_LENGTHS) : Optional.empty();
            }
            if (!requestLine) {
                contentLength |= named(bytes, line, end, "content-length");
                transferEncoding |= named(bytes, line, end, "transfer-encoding");
            }
            requestLine = false;
            line = lf + 1;
        }
        return Optional.empty();
    }

    /** Whether the header line {@code [line, end)} has the field name {@code name} (ASCII, any case). */
    private static boolean named(byte[] bytes, int line, int end, String name) {
        int colon = indexOf(bytes, (byte) ':', line, Math.min(end, line + MAX_NAME));
        return colon - line == name.length()
                && new String(bytes, line, name.length(), StandardCharsets.US_ASCII).equalsIgnoreCase(name);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
