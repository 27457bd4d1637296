package no.formidler.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import no.formidler.auth.Organization;
import no.formidler.resource.Resource;
import no.formidler.error.ValidationErrors;

/**
 * Reads the search query string (E6, docs/compatibility.md §1); parameter names and enum values are case-insensitive,
 * as in the reference.
 */
final class SearchParameters {
    private SearchParameters() {
    }

    static SearchCriteria parse(Map<String, String> raw, Organization caller) {
        Map<String, String> query = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        query.putAll(raw);
        ValidationErrors errors = new ValidationErrors();
        String resourceId = query.get("resourceId");
        if (resourceId == null || resourceId.isBlank()) {
            errors.add("resourceId", "The resourceId field is required.");
        }
        var status = value(query, "status", errors, s -> enumValue(TransferStatus.values(), s, TransferStatus::id));
        var recipientStatus = value(query, "recipientStatus", errors, s -> enumValue(RecipientStatus.values(), s, RecipientStatus::id));
        var from = value(query, "from", errors, SearchParameters::instant);
        var to = value(query, "to", errors, SearchParameters::instant);
        var ascending = value(query, "orderAscending", errors, SearchParameters::bool);
        var role = value(query, "role", errors, s -> enumValue(SearchCriteria.SearchRole.values(), s, r -> -1));
        errors.throwIfAny();
        return new SearchCriteria(Resource.idOf(resourceId), caller, status, recipientStatus, from, to, ascending.orElse(false),
                role.orElse(SearchCriteria.SearchRole.Both));
    }

    private static <T> Optional<T> value(Map<String, String> query, String name, ValidationErrors errors,
                                         Function<String, T> parser) {
        String text = query.get(name);
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        T parsed = parser.apply(text.trim());
        if (parsed == null) {
            errors.add(name, "The value '" + text + "' is not valid.");
        }
        return Optional.ofNullable(parsed);
    }

    private static <E extends Enum<E>> E enumValue(E[] values, String text, Function<E, Integer> id) {
        for (E value : values) {
            if (value.name().equalsIgnoreCase(text) || String.valueOf(id.apply(value)).equals(text)) {
                return value;
            }
        }
        return null;
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> null;
        };
    }

    /** ISO-8601 date-time; a time without offset, or a bare date, is read as UTC. */
    static Instant instant(String raw) {
        String text = raw.replace(' ', '+'); // a '+' offset that arrived unencoded in the query string
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the forms without offset
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try a bare date
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
