package no.formidler.events;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.ValidationErrors;
import no.formidler.error.ValidationException;
import no.formidler.system.CommitOrder;
import no.formidler.system.FormidlerProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The replayable event feed: a caller's events of one resource in outbox order, paged by the id of the last event
 * seen (as Altinn Events' {@code after}). The order never changes and no event appears behind a cursor later (see
 * {@link EventOutbox}), so a client that stores the cursor neither misses nor repeats an event, across restarts.
 */
@RestController
class EventFeedController {
    private static final int DEFAULT_SIZE = 50;
    private static final int MAX_SIZE = 1000;
    private final EventLog log;
    private final EventAccess access;
    private final CloudEvents cloudEvents;
    private final String baseUrl;
    private final CommitOrder commitOrder;

    EventFeedController(EventLog log, EventAccess access, CloudEvents cloudEvents, CommitOrder commitOrder,
                        FormidlerProperties properties) {
        this.log = log;
        this.commitOrder = commitOrder;
        this.access = access;
        this.cloudEvents = cloudEvents;
        this.baseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
    }

    @GetMapping(value = "/events/api/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<CloudEvent>> feed(Caller caller, @RequestParam String resource,
                                          @RequestParam(required = false) String after,
                                          @RequestParam(required = false) Integer size,
                                          @RequestParam(required = false) String subject,
                                          @RequestParam(required = false) List<String> type) {
        ValidationErrors errors = new ValidationErrors();
        if (!resource.startsWith(CloudEvents.RESOURCE_PREFIX) || resource.length() == CloudEvents.RESOURCE_PREFIX.length()) {
            errors.add("resource", "The resource must be urn:altinn:resource:<resourceId>.");
        }
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            errors.add("size", "The size must be between 1 and " + MAX_SIZE + ".");
        }
        Optional<Organization> requestedSubject = Optional.ofNullable(subject).flatMap(EventFilters::subject);
        if (subject != null && requestedSubject.isEmpty()) {
            errors.add("subject", "The subject must be urn:altinn:organization:identifier-no:<orgnr>.");
        }
        errors.throwIfAny();
        String resourceId = resource.substring(CloudEvents.RESOURCE_PREFIX.length());
        Optional<Organization> granted = access.require(caller, resourceId, requestedSubject);
        commitOrder.catchUp(); // every event committed before this request is in the page
        long cursor = cursor(after, resourceId);
        List<String> types = type == null ? List.of() : type;
        List<StoredEvent> page = log.after(resourceId, cursor, granted.map(Organization::number), types, pageSize);
        String next = page.isEmpty() ? (after == null ? "0" : after) : page.get(page.size() - 1).id().toString();
        UriComponentsBuilder link = UriComponentsBuilder.fromUriString(baseUrl + "/events/api/v1/events")
                .queryParam("resource", resource).queryParam("after", next).queryParam("size", pageSize);
        Optional.ofNullable(subject).ifPresent(s -> link.queryParam("subject", s));
        types.forEach(t -> link.queryParam("type", t));
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, "<" + link.encode().build().toUriString() + ">; rel=\"next\"")
                .body(page.stream().map(cloudEvents::of).toList());
    }

    /** {@code 0} or absent: from the start; else the id of an event of this resource. */
    private long cursor(String after, String resourceId) {
        if (after == null || after.equals("0")) {
            return 0;
        }
        try {
            return log.find(UUID.fromString(after)).filter(e -> e.resourceId().equals(resourceId))
                    .map(StoredEvent::sequence)
                    .orElseThrow(() -> ValidationException.of("after", "The after cursor is not an event of this resource."));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("after", "The after cursor must be an event id or 0.");
        }
    }
}
