package no.formidler.error;

import java.util.List;
import java.util.Map;

/**
 * Request input that failed validation: answered as the reference's validation problem
 * (400, {@code errors: {field: [messages]}}, no code).
 */
public class ValidationException extends RuntimeException {
    private final Map<String, List<String>> errors;

    public ValidationException(Map<String, List<String>> errors) {
        super("Validation failed: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> errors() {
        return errors;
    }
}
