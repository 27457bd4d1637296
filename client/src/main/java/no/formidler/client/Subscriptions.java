package no.formidler.client;

import java.util.List;

/** Webhook subscriptions ({@code /events/api/v1/subscriptions}, scope {@code altinn:events.subscribe}). */
public final class Subscriptions {
    private static final String PATH = "/events/api/v1/subscriptions";
    private final BrokerHttp http;

    Subscriptions(BrokerHttp http) {
        this.http = http;
    }

    /** Creates a subscription; its {@code secret} (for {@link WebhookSignatureVerifier}) is shown only in this answer. */
    public Subscription create(SubscriptionRequest request) {
        return http.json(() -> http.request(PATH).header("Content-Type", "application/json")
                .POST(BrokerHttp.jsonBody(request)).build(), BrokerHttp.Safety.ONCE, Subscription.class);
    }

    public Subscription get(long id) {
        return http.json(() -> http.request(PATH + "/" + id).GET().build(), BrokerHttp.Safety.SAFE, Subscription.class);
    }

    public List<Subscription> list() {
        record Page(int count, List<Subscription> subscriptions) {
        }
        return http.json(() -> http.request(PATH).GET().build(), BrokerHttp.Safety.SAFE, Page.class).subscriptions();
    }

    public void delete(long id) {
        http.discard(() -> http.request(PATH + "/" + id).DELETE().build(), BrokerHttp.Safety.SAFE);
    }
}
