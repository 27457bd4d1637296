package no.formidler.events;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.ValidationErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Creates, shows and deletes webhook subscriptions. A new subscription starts at the end of the outbox: it gets the
 * events that happen after it was made, once its endpoint has answered the validation handshake.
 */
@Service
class Subscriptions {
    private final SubscriptionRepository repository;
    private final EventLog log;
    private final EventAccess access;
    private final EndpointGuard guard;
    private final OutboxSignal signal;
    private final Clock clock;

    Subscriptions(SubscriptionRepository repository, EventLog log, EventAccess access, EndpointGuard guard,
                  OutboxSignal signal, Clock clock) {
        this.repository = repository;
        this.log = log;
        this.access = access;
        this.guard = guard;
        this.signal = signal;
        this.clock = clock;
    }

    Subscription create(Caller caller, SubscriptionRequest request) {
        ValidationErrors errors = new ValidationErrors();
        if (request.endPoint() == null || request.endPoint().isBlank()) {
            errors.add("endPoint", "The endPoint field is required.");
        } else {
            guard.refusal(request.endPoint()).ifPresent(why -> errors.add("endPoint", why));
        }
        String resourceId = null;
        if (request.resourceFilter() == null || !request.resourceFilter().startsWith(CloudEvents.RESOURCE_PREFIX)
                || request.resourceFilter().length() == CloudEvents.RESOURCE_PREFIX.length()) {
            errors.add("resourceFilter", "The resourceFilter must be urn:altinn:resource:<resourceId>.");
        } else {
            resourceId = request.resourceFilter().substring(CloudEvents.RESOURCE_PREFIX.length());
        }
        String subjectText = request.subjectFilter() != null ? request.subjectFilter() : request.alternativeSubjectFilter();
        Optional<Organization> subject = Optional.empty();
        if (subjectText != null) {
            subject = EventFilters.subject(subjectText);
            if (subject.isEmpty()) {
                errors.add("subjectFilter", "The subjectFilter must be urn:altinn:organization:identifier-no:<orgnr>.");
            }
        }
        if (request.typeFilter() != null && request.typeFilter().isBlank()) {
            errors.add("typeFilter", "The typeFilter cannot be empty; leave it out to get every type.");
        }
        errors.throwIfAny();
        access.requireForSubscription(caller, resourceId, subject);
        Organization creator = caller.organization().orElseThrow();
        Subscription created = repository.insert(request.endPoint(), resourceId, subject.map(Organization::number),
                Optional.ofNullable(request.typeFilter()), creator.number(), clock.instant(),
                WebhookSignature.newSecret(), log.lastSequence());
        signal.fire(); // start the handshake now
        return created;
    }

    Subscription get(Caller caller, long id) {
        return repository.find(id).filter(s -> ownedBy(caller, s)).orElseThrow(Subscriptions::notFound);
    }

    List<Subscription> list(Caller caller) {
        return caller.organization().map(o -> repository.createdBy(o.number())).orElse(List.of());
    }

    void delete(Caller caller, long id) {
        String org = caller.organization().map(Organization::number).orElseThrow(Subscriptions::notFound);
        if (!repository.delete(id, org)) {
            throw notFound();
        }
    }

    private static boolean ownedBy(Caller caller, Subscription s) {
        return caller.organization().map(Organization::number).filter(s.createdBy()::equals).isPresent();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "The subscription was not found.");
    }
}
