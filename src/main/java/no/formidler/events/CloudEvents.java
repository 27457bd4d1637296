package no.formidler.events;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import no.formidler.auth.Organization;
import no.formidler.system.FormidlerProperties;
import org.springframework.stereotype.Component;

/** Turns outbox rows into CloudEvents; the same row always gives the same bytes, so retries are identical. */
@Component
class CloudEvents {
    static final String RESOURCE_PREFIX = "urn:altinn:resource:";
    static final String MEDIA_TYPE = "application/cloudevents+json";
    private static final java.util.Set<String> RECEIPTED = java.util.Set.of(EventType.PUBLISHED.wireType(),
            EventType.DOWNLOAD_CONFIRMED.wireType());
    private final String baseUrl;

    CloudEvents(FormidlerProperties properties) {
        this.baseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
    }

    CloudEvent of(StoredEvent event) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("role", event.role());
        data.put("Role", event.role());
        if (RECEIPTED.contains(event.type())) {
            // extension: where the receipt this event goes with can be fetched (docs/evidence.md)
            data.put("receipt", baseUrl + "/broker/api/v1/filetransfer/" + event.fileTransferId() + "/receipts");
        }
        return new CloudEvent("1.0", event.id().toString(), event.type(),
                DateTimeFormatter.ISO_INSTANT.format(event.time()), baseUrl + "/broker/api/v1/filetransfer",
                RESOURCE_PREFIX + event.resourceId(), event.fileTransferId().toString(),
                new Organization(event.subjectOrg()).urn(), data);
    }

    /** The handshake Altinn Events sends a new subscription before any event. */
    CloudEvent validation(long subscriptionId) {
        String id = java.util.UUID.nameUUIDFromBytes(("validatesubscription:" + subscriptionId).getBytes()).toString();
        return new CloudEvent("1.0", id, "platform.events.validatesubscription", null,
                baseUrl + "/events/api/v1/subscriptions/" + subscriptionId, null, null, null, null);
    }
}
