package no.formidler.upload;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A MIME header value of the form {@code token *( ";" token "=" ( token / quoted-string ) )}, as
 * {@code Content-Type} and {@code Content-Disposition} are written (RFC 9110 §5.6, RFC 6266, RFC 7578). Strict: a
 * parameter given twice, an unclosed quoted string or a stray character is refused, not guessed at.
 *
 * @param value      the leading token, lower case
 * @param parameters the parameters by lower-case name, unquoted and unescaped
 */
record HeaderValue(String value, Map<String, String> parameters) {
    private static final String TOKEN_SPECIALS = "!#$%&'*+-.^_`|~";

    static HeaderValue parse(String text, String header) throws MalformedMultipartException {
        Cursor at = new Cursor(text, header);
        at.skipSpace();
        String value = at.token("its value");
        if (at.peek() == '/') { // a media type: type "/" subtype
            at.next();
            value = value + "/" + at.token("its subtype");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        while (true) {
            at.skipSpace();
            if (at.done()) {
                break;
            }
            at.expect(';');
            at.skipSpace();
            if (at.done()) {
                break; // a trailing ';', as some clients write
            }
            String name = at.token("a parameter name").toLowerCase(Locale.ROOT);
            at.skipSpace();
            at.expect('=');
            at.skipSpace();
            String parameter = at.peek() == '"' ? at.quoted() : at.token("the value of " + name);
            if (parameters.putIfAbsent(name, parameter) != null) {
                throw at.refused("has the parameter " + name + " twice");
            }
        }
        return new HeaderValue(value.toLowerCase(Locale.ROOT), Map.copyOf(parameters));
    }

    static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || TOKEN_SPECIALS.indexOf(c) >= 0;
    }

    private static final class Cursor {
        private final String text;
        private final String header;
        private int i;

        Cursor(String text, String header) {
            this.text = text;
            this.header = header;
        }

        boolean done() {
            return i >= text.length();
        }

        int peek() {
            return done() ? -1 : text.charAt(i);
        }

        void next() {
            i++;
        }

        void skipSpace() {
            while (!done() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
        }

        void expect(char c) throws MalformedMultipartException {
            if (peek() != c) {
                throw refused("is malformed: '" + c + "' expected at position " + (i + 1));
            }
            i++;
        }

        String token(String what) throws MalformedMultipartException {
            int start = i;
            while (!done() && isTokenChar(text.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw refused("is malformed: " + what + " expected at position " + (i + 1));
            }
            return text.substring(start, i);
        }

        /** A quoted string; a backslash takes the next character as it is (RFC 9110 §5.6.4). */
        String quoted() throws MalformedMultipartException {
            StringBuilder out = new StringBuilder();
            i++; // the opening quote
            while (!done()) {
                char c = text.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    if (done()) {
                        break;
                    }
                    c = text.charAt(i++);
                }
                out.append(c);
            }
            throw refused("has a quoted string without its closing quote");
        }

        MalformedMultipartException refused(String why) {
            return new MalformedMultipartException("The " + header + " header " + why + ".");
        }
    }
}
