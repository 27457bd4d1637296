package no.formidler.altinn;

import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads the first system-user id out of an {@code authorization_details} claim (object, array or JSON text). */
final class SystemUserClaim {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SystemUserClaim() {
    }

    static String firstSystemUserId(Object details) {
        Object value = details;
        if (value instanceof String text) {
            try {
                value = JSON.readValue(text, Object.class);
            } catch (JacksonException e) {
                return null;
            }
        }
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        if (value instanceof Map<?, ?> map && map.get("systemuser_id") instanceof List<?> ids && !ids.isEmpty()
                && ids.get(0) instanceof String id) {
            return id;
        }
        return null;
    }
}
