package no.formidler.web;

import java.util.Optional;

/**
 * What no client text may contain: a NUL character (PostgreSQL cannot store it, file systems end names at it) or a
 * lone UTF-16 surrogate (it cannot be written as UTF-8 and would be stored as {@code ?}). Checked once for every JSON
 * string and map key ({@link TextRulesModule}), every query parameter ({@link MalformedRequestFilter}) and every multipart
 * field.
 */
public final class PlainText {
    private PlainText() {
    }

    /** Why {@code text} cannot be accepted, in the API's words, or empty when it can. */
    public static Optional<String> refusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return Optional.of("contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
                return Optional.of("contains a lone UTF-16 surrogate");
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return Optional.of("contains a lone UTF-16 surrogate");
            }
        }
        return Optional.empty();
    }
}
