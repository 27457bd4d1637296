package no.formidler.web;

import org.springframework.http.converter.HttpMessageNotReadableException;

/** Says in one line what was wrong with an unreadable request body, without echoing a parser stack. */
final class RequestBodyErrors {
    private RequestBodyErrors() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        String name = cause.getClass().getSimpleName();
        if (name.contains("UnrecognizedProperty")) {
            return "Unknown field: " + firstLine(cause.getMessage());
        }
        if (name.contains("MismatchedInput") || name.contains("InvalidFormat") || name.contains("InvalidType")) {
            return "A field has the wrong type: " + firstLine(cause.getMessage());
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return "A non-empty request body is required.";
        }
        return "The request body is not valid JSON: " + firstLine(cause.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
