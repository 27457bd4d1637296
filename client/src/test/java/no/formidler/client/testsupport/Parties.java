package no.formidler.client.testsupport;

import no.formidler.client.AccessPolicy;
import no.formidler.client.BrokerClient;
import no.formidler.client.BrokerProblemException;
import no.formidler.client.ResourceSettings;
import no.formidler.client.TokenProvider;

/**
 * The organisations of the tests and a resource between them: {@value #SENDER} owns the resource and sends,
 * {@value #RECIPIENT} receives; both may read their events.
 */
public record Parties(BrokerProcess broker, String resourceId) {
    public static final String SENDER = "991825827";
    public static final String RECIPIENT = "986252932";
    public static final String SENDER_SCOPES = "altinn:serviceowner altinn:broker.write altinn:broker.read altinn:events.subscribe";
    public static final String RECIPIENT_SCOPES = "altinn:broker.read altinn:events.subscribe";

    /** Registers the sender as service owner and creates {@code resourceId} with room for {@code maxSize} bytes. */
    public static Parties setUp(BrokerProcess broker, String resourceId, long maxSize) {
        BrokerClient owner = sender(broker);
        try {
            owner.administration().registerServiceOwner("Digdir");
        } catch (BrokerProblemException e) {
            if (e.status() != 409) { // registered by an earlier test on the same broker
                throw e;
            }
        }
        owner.administration().putResource(resourceId, ResourceSettings.of(maxSize, "P30D"));
        owner.administration().putPolicy(resourceId, AccessPolicy.of(
                AccessPolicy.allow("0192:" + SENDER, "write", "read", "subscribe"),
                AccessPolicy.allow("0192:" + RECIPIENT, "read", "subscribe")));
        return new Parties(broker, resourceId);
    }

    public static BrokerClient sender(BrokerProcess broker) {
        return client(broker, SENDER, SENDER_SCOPES);
    }

    public static BrokerClient recipient(BrokerProcess broker) {
        return client(broker, RECIPIENT, RECIPIENT_SCOPES);
    }

    public static BrokerClient client(BrokerProcess broker, String orgNo, String scopes) {
        return BrokerClient.builder().baseUrl(broker.baseUrl())
                .tokens(TokenProvider.development(broker.baseUrl(), orgNo, scopes)).build();
    }

    public BrokerClient sender() {
        return sender(broker);
    }

    public BrokerClient recipient() {
        return recipient(broker);
    }
}
