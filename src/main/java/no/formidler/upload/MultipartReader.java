package no.formidler.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578 on RFC 2046 §5.1) as it arrives, part by part, in one buffer of
 * fixed size: a part's body is a stream that ends exactly before the next {@code CRLF--boundary}, so a file part is
 * never held in memory or spooled. Strict, because everything in it comes from the client: part headers are capped
 * ({@link #MAX_HEADER_BYTES}, {@link #MAX_HEADERS}), every part needs {@code Content-Disposition: form-data; name=…}, a
 * name with NUL, CR or LF or broken UTF-8 is refused, and a body that ends before its closing delimiter is an error,
 * never a short last part. What breaks the rules is a {@link MalformedMultipartException}.
 */
final class MultipartReader {
    static final int MAX_BOUNDARY = 70;
    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final int MAX_HEADERS = 8;
    /** RFC 2046 allows text before the first delimiter; clients send none, so a little is plenty. */
    static final int MAX_PREAMBLE = 1024;
    /** What follows the closing delimiter is ignored; this much is read so the connection can be kept. */
    static final int MAX_EPILOGUE = 64 * 1024;
    private static final int MAX_PADDING = 64;
    private static final int DEFAULT_BUFFER = 64 * 1024;
    private static final Set<String> IDENTITY_ENCODINGS = Set.of("7bit", "8bit", "binary");

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int pos;
    private int limit;
    /** Up to here (from {@link #pos}) the buffer is known to hold no delimiter: body bytes that may be handed out. */
    private int clear;
    private boolean eof;
    private State state = State.PREAMBLE;
    private Part current;

    private enum State { PREAMBLE, BODY, DELIMITER, END }

    /** A part's name and, for a file, the file name the client gave (used for nothing but the record). */
    record Part(String name, Optional<String> fileName) {
    }

    MultipartReader(InputStream in, String boundary) {
        this(in, boundary, DEFAULT_BUFFER);
    }

    /** @param bufferSize at least the delimiter's length and a byte: tests use small ones to split everything */
    MultipartReader(InputStream in, String boundary, int bufferSize) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        if (bufferSize <= delimiter.length) {
            throw new IllegalArgumentException("buffer too small for the delimiter");
        }
        this.buffer = new byte[bufferSize];
        // The first delimiter has no CRLF before it: one is put in front, so the body opens like every other part.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /**
     * The boundary of a {@code multipart/form-data} Content-Type: 1 to 70 of RFC 2046's characters, quoted or not, not
     * ending in a space.
     */
    static String boundary(String contentType) throws MalformedMultipartException {
        if (contentType == null) {
            throw new MalformedMultipartException("The body must be multipart/form-data.");
        }
        HeaderValue type = HeaderValue.parse(contentType, "Content-Type");
        if (!type.value().equals("multipart/form-data")) {
            throw new MalformedMultipartException("The body must be multipart/form-data.");
        }
        String boundary = type.parameters().get("boundary");
        if (boundary == null) {
            throw new MalformedMultipartException("The Content-Type header has no boundary.");
        }
        if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY || boundary.endsWith(" ")
                || !boundary.chars().allMatch(MultipartReader::isBoundaryChar)) {
            throw new MalformedMultipartException("The multipart boundary must be 1 to 70 characters of RFC 2046 "
                    + "(letters, digits and '()+_,-./:=? ), not ending in a space.");
        }
        return boundary;
    }

    private static boolean isBoundaryChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "'()+_,-./:=? ".indexOf(c) >= 0;
    }

    /**
     * The next part's headers, skipping what is left of the current part's body; empty after the closing delimiter
     * (then the body has been read to its end, or {@link #MAX_EPILOGUE} past it).
     */
    Optional<Part> next() throws IOException {
        if (state == State.PREAMBLE) {
            // + 2: the CRLF put in front is counted too
            if (skipBody(MAX_PREAMBLE + 2) > MAX_PREAMBLE + 2) {
                throw new MalformedMultipartException("The body must begin with --boundary (at most "
                        + MAX_PREAMBLE + " bytes before it).");
            }
        } else if (state == State.BODY) {
            skipBody(Long.MAX_VALUE);
        }
        if (state == State.END) {
            return Optional.empty();
        }
        if (!afterDelimiter()) {
            state = State.END;
            current = null;
            return Optional.empty();
        }
        current = headers();
        state = State.BODY;
        return Optional.of(current);
    }

    /** The current part's body; it ends (-1) right before the next delimiter. */
    InputStream body() {
        return new Body(false);
    }

    /**
     * The current part's body when it must be the last part: at its end the closing delimiter must follow (and is read,
     * with the epilogue), otherwise reading fails with a {@link MalformedMultipartException} instead of ending.
     */
    InputStream lastBody() {
        return new Body(true);
    }

    /** Skips body bytes up to the delimiter, or until more than {@code max} were skipped. */
    private long skipBody(long max) throws IOException {
        long skipped = 0;
        for (int n; skipped <= max && (n = readBody(null, 0, Integer.MAX_VALUE)) >= 0; ) {
            skipped += n;
        }
        return skipped;
    }

    /**
     * Up to {@code length} body bytes into {@code into} (or dropped when it is null), -1 at the delimiter, which is then
     * consumed. Only bytes before a possible delimiter leave the buffer.
     */
    private int readBody(byte[] into, int offset, int length) throws IOException {
        if (state != State.BODY && state != State.PREAMBLE) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        while (clear == pos) {
            int found = find();
            if (found == pos) {
                pos += delimiter.length;
                clear = pos;
                state = State.DELIMITER;
                return -1;
            }
            if (found > pos) {
                clear = found;
                break;
            }
            if (eof) {
                throw new MalformedMultipartException("The body ended before its closing boundary: it is incomplete.");
            }
            fill();
        }
        int n = Math.min(length, clear - pos);
        if (into != null) {
            System.arraycopy(buffer, pos, into, offset, n);
        }
        pos += n;
        return n;
    }

    /**
     * Where, from {@link #pos}, the delimiter begins ({@code pos} itself when it is next), or where the bytes that might
     * begin it do (a prefix at the buffer's end); -1 when the buffer must be filled to tell.
     */
    private int find() {
        int lastFull = limit - delimiter.length;
        for (int i = pos; i < limit; i++) {
            if (buffer[i] != '\r') {
                continue;
            }
            int length = Math.min(delimiter.length, limit - i);
            if (matches(i, length)) {
                if (i > pos) {
                    return i; // bytes before it can go out now
                }
                return i <= lastFull ? i : -1;
            }
        }
        return limit > pos ? limit : -1;
    }

    private boolean matches(int at, int length) {
        for (int k = 0; k < length; k++) {
            if (buffer[at + k] != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    /** More bytes into the buffer, keeping the unread ones; at the body's end {@link #eof} is set. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            clear -= pos;
            pos = 0;
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private int readByte() throws IOException {
        while (pos == limit) {
            if (eof) {
                return -1;
            }
            fill();
        }
        clear = pos + 1;
        return buffer[pos++] & 0xff;
    }

    /** After {@code CRLF--boundary}: true when a part follows (padding, CRLF), false at the closing {@code --}. */
    private boolean afterDelimiter() throws IOException {
        int c = delimiterByte();
        if (c == '-') {
            if (delimiterByte() != '-') {
                throw badDelimiterLine();
            }
            drainEpilogue();
            return false;
        }
        for (int padding = 0; c == ' ' || c == '\t'; padding++) {
            if (padding == MAX_PADDING) {
                throw new MalformedMultipartException("A boundary line is malformed: too much space after the boundary.");
            }
            c = delimiterByte();
        }
        if (c == '\r' && delimiterByte() == '\n') {
            return true;
        }
        throw badDelimiterLine();
    }

    private int delimiterByte() throws IOException {
        int c = readByte();
        if (c < 0) {
            throw new MalformedMultipartException("The body ended before its closing boundary: it is incomplete.");
        }
        return c;
    }

    private static MalformedMultipartException badDelimiterLine() {
        return new MalformedMultipartException("A boundary line is malformed: '--' or a line end must follow the boundary.");
    }

    private void drainEpilogue() throws IOException {
        for (int n = 0; n <= MAX_EPILOGUE && readByte() >= 0; n++) {
            // ignored, as RFC 2046 says; read only so that the request ends here
        }
        state = State.END;
    }

    private Part headers() throws IOException {
        byte[] line = new byte[MAX_HEADER_BYTES];
        int total = 0;
        int count = 0;
        Part part = null;
        boolean contentType = false;
        while (true) {
            int length = 0;
            for (int c = readByte(); c != '\n'; c = readByte()) {
                if (c < 0) {
                    throw new MalformedMultipartException("The body ended in a part's headers: it is incomplete.");
                }
                if (total++ == MAX_HEADER_BYTES) {
                    throw new MalformedMultipartException("A part's headers may be at most " + MAX_HEADER_BYTES + " bytes.");
                }
                if (c == 0) {
                    throw new MalformedMultipartException("A part's header contains a NUL character.");
                }
                line[length++] = (byte) c;
            }
            if (length == 0 || line[length - 1] != '\r') {
                throw new MalformedMultipartException("A part's header line must end with CRLF.");
            }
            length--;
            if (length == 0) {
                break;
            }
            if (++count > MAX_HEADERS) {
                throw new MalformedMultipartException("A part may have at most " + MAX_HEADERS + " headers.");
            }
            String text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
            if (text.indexOf('\r') >= 0) {
                throw new MalformedMultipartException("A part's header contains a bare CR.");
            }
            if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
                throw new MalformedMultipartException("A part's header is folded over lines; that is not allowed.");
            }
            int colon = text.indexOf(':');
            String name = colon < 0 ? "" : text.substring(0, colon);
            if (name.isEmpty() || !name.chars().allMatch(c -> HeaderValue.isTokenChar((char) c))) {
                throw new MalformedMultipartException("A part's header line is not 'Name: value'.");
            }
            String value = text.substring(colon + 1).strip();
            switch (name.toLowerCase(Locale.ROOT)) {
                case "content-disposition" -> {
                    if (part != null) {
                        throw new MalformedMultipartException("A part has Content-Disposition twice.");
                    }
                    part = disposition(value);
                }
                case "content-type" -> {
                    if (contentType) {
                        throw new MalformedMultipartException("A part has Content-Type twice.");
                    }
                    contentType = true;
                }
                case "content-transfer-encoding" -> {
                    if (!IDENTITY_ENCODINGS.contains(value.toLowerCase(Locale.ROOT))) {
                        throw new MalformedMultipartException("A part's Content-Transfer-Encoding must be binary, 8bit or 7bit.");
                    }
                }
                default -> {
                    // other part headers mean nothing to form data (RFC 7578 §4.8)
                }
            }
        }
        if (part == null) {
            throw new MalformedMultipartException("Every part needs a Content-Disposition: form-data; name=\"…\" header.");
        }
        return part;
    }

    private static Part disposition(String value) throws MalformedMultipartException {
        HeaderValue disposition = HeaderValue.parse(value, "Content-Disposition");
        if (!disposition.value().equals("form-data")) {
            throw new MalformedMultipartException("A part's Content-Disposition must be form-data.");
        }
        String name = disposition.parameters().get("name");
        if (name == null || name.isEmpty()) {
            throw new MalformedMultipartException("A part's Content-Disposition has no name.");
        }
        name = utf8(name, "A part's name");
        Optional<String> fileName = Optional.ofNullable(disposition.parameters().get("filename"));
        if (fileName.isPresent()) {
            fileName = Optional.of(utf8(fileName.get(), "A part's file name"));
        }
        return new Part(name, fileName);
    }

    /** Header bytes were read one to a char; names are UTF-8 (RFC 7578 §5.1) and may not hold NUL, CR or LF. */
    private static String utf8(String latin1, String what) throws MalformedMultipartException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMultipartException(what + " is not valid UTF-8.");
        }
        if (text.chars().anyMatch(c -> c == 0 || c == '\r' || c == '\n')) {
            throw new MalformedMultipartException(what + " contains NUL, CR or LF.");
        }
        return text;
    }

    private final class Body extends InputStream {
        private final boolean last;
        private final Part part = current;
        private boolean ended;
        private MalformedMultipartException failed;

        Body(boolean last) {
            this.last = last;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, into.length);
            if (failed != null) {
                throw failed;
            }
            if (ended || current != part) {
                return -1;
            }
            int n = readBody(into, offset, length);
            if (n < 0 && last && afterDelimiter()) {
                failed = new MalformedMultipartException("The part " + part.name()
                        + " must be the last part of the body; another part follows it.");
                throw failed;
            }
            ended = n < 0;
            return n;
        }
    }
}
