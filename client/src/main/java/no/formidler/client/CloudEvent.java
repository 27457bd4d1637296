package no.formidler.client;

import java.util.Map;
import java.util.UUID;

/**
 * A broker event (CloudEvents 1.0): {@code type} {@code no.altinn.broker.<name>}, {@code resourceinstance} the file
 * transfer id, {@code subject} the party it is for.
 */
public record CloudEvent(String specversion, String id, String type, String time, String source, String resource,
                         String resourceinstance, String subject, Map<String, String> data) {
    public static final String RESOURCE_PREFIX = "urn:altinn:resource:";
    public static final String PUBLISHED = "no.altinn.broker.published";

    public UUID fileTransferId() {
        return UUID.fromString(resourceinstance);
    }
}
