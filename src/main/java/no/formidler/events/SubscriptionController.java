package no.formidler.events;

import java.net.URI;
import java.util.List;
import no.formidler.auth.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Altinn Events compatible webhook subscriptions (docs/compatibility.md §7). */
@RestController
@RequestMapping("/events/api/v1/subscriptions")
class SubscriptionController {
    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubscriptionView> create(Caller caller, @RequestBody SubscriptionRequest request) {
        Subscription created = subscriptions.create(caller, request);
        return ResponseEntity.created(URI.create("/events/api/v1/subscriptions/" + created.id()))
                .body(SubscriptionView.of(created, true));
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    SubscriptionView get(Caller caller, @PathVariable long id) {
        return SubscriptionView.of(subscriptions.get(caller, id), false);
    }

    /** Altinn Events answers the list as {@code {count, subscriptions}}. */
    record SubscriptionList(int count, List<SubscriptionView> subscriptions) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    SubscriptionList list(Caller caller) {
        List<SubscriptionView> views = subscriptions.list(caller).stream().map(s -> SubscriptionView.of(s, false)).toList();
        return new SubscriptionList(views.size(), views);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable long id) {
        subscriptions.delete(caller, id);
        return ResponseEntity.ok().build();
    }
}
