package no.formidler.web;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says in one line, in the API's words, what was wrong with an unreadable request body: the field (by its JSON path)
 * and what it must be. Never a parser's message, which names Java types and echoes input.
 */
final class RequestBodyErrors {
    private RequestBodyErrors() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof TextRulesModule.RefusedText refused) {
            return "The field '%s' %s.".formatted(path(refused), refused.reason);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field: '%s'.".formatted(path(unknown));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String path = path(mismatch);
            String expected = kind(mismatch.getTargetType());
            return path.isEmpty() ? "The request body must be " + expected + "."
                    : "A field has the wrong type: '%s' must be %s.".formatted(path, expected);
        }
        if (cause instanceof JacksonException json) {
            TokenStreamLocation at = json.getLocation();
            return at == null || at.getLineNr() < 0 ? "The request body is not valid JSON."
                    : "The request body is not valid JSON (line %d, column %d).".formatted(at.getLineNr(), at.getColumnNr());
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return "A non-empty request body is required.";
        }
        return "The request body could not be read.";
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == UUID.class) {
            return "an id (UUID)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO 8601)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "an object" : "of another type";
    }
}
