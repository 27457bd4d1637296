package no.formidler.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects field errors while a request is checked, then throws them together. */
public final class ValidationErrors {
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public ValidationErrors add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
