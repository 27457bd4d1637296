package no.formidler.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A CloudEvents 1.0 envelope as Altinn Events carries broker events (docs/compatibility.md §7), serialised in this
 * field order. {@code data} has the reference's {@code Role} and the lower-case {@code role}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CloudEvent(String specversion, String id, String type, String time, String source, String resource,
                  String resourceinstance, String subject, Map<String, String> data) {
}
