package no.formidler.events;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.formidler.audit.AuditLog;
import no.formidler.audit.Audited;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import no.formidler.error.ValidationErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
    private final AuditLog audit;

    Subscriptions(SubscriptionRepository repository, EventLog log, EventAccess access, EndpointGuard guard,
                  OutboxSignal signal, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.log = log;
        this.access = access;
        this.guard = guard;
        this.signal = signal;
        this.clock = clock;
    }

    @Transactional
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
        audit.record(new Audited(Optional.of(creator), caller.vendor(), "subscription-created",
                "subscription:" + created.id(), Optional.empty(), Optional.of(resourceId), subscriptionDetails(request)));
        afterCommit(signal::fire); // start the handshake now
        return created;
    }

    Subscription get(Caller caller, long id) {
        return repository.find(id).filter(s -> ownedBy(caller, s)).orElseThrow(Subscriptions::notFound);
    }

    List<Subscription> list(Caller caller) {
        return caller.organization().map(o -> repository.createdBy(o.number())).orElse(List.of());
    }

    @Transactional
    void delete(Caller caller, long id) {
        Organization org = caller.organization().orElseThrow(Subscriptions::notFound);
        Subscription existing = repository.find(id).filter(s -> ownedBy(caller, s)).orElseThrow(Subscriptions::notFound);
        if (!repository.delete(id, org.number())) {
            throw notFound();
        }
        audit.record(new Audited(Optional.of(org), caller.vendor(), "subscription-deleted", "subscription:" + id,
                Optional.empty(), Optional.ofNullable(existing.resourceId()), Map.of()));
    }

    private static Map<String, Object> subscriptionDetails(SubscriptionRequest request) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("endPoint", request.endPoint());
        details.put("resourceFilter", request.resourceFilter());
        Optional.ofNullable(request.subjectFilter()).ifPresent(f -> details.put("subjectFilter", f));
        Optional.ofNullable(request.typeFilter()).ifPresent(f -> details.put("typeFilter", f));
        return details;
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private static boolean ownedBy(Caller caller, Subscription s) {
        return caller.organization().map(Organization::number).filter(s.createdBy()::equals).isPresent();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "The subscription was not found.");
    }
}
