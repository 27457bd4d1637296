package no.formidler.events;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from reaching into the broker's own network (SSRF): an endpoint must be http(s) and resolve only to
 * public addresses ({@link PublicAddress}), unless {@code formidler.events.allow-private-endpoints} is on. Checked when
 * a subscription is made and again before every delivery, since DNS answers change; a delivery then connects to the
 * very address checked ({@link Endpoint}), so a second DNS answer (rebinding) never comes into play.
 */
@Component
class EndpointGuard {
    /** Name resolution, replaceable in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** An endpoint that passed the guard, with the address it resolved to: connect there and nowhere else. */
    record Endpoint(URI uri, InetAddress address) {
    }

    /** Either why the endpoint may not be called, or the endpoint to call. */
    record Decision(Optional<String> refusal, Optional<Endpoint> endpoint) {
        static Decision refused(String why) {
            return new Decision(Optional.of(why), Optional.empty());
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Autowired
    EndpointGuard(EventProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    EndpointGuard(EventProperties properties, Resolver resolver) {
        this.allowPrivate = properties.allowPrivateEndpoints();
        this.resolver = resolver;
    }

    /** Why {@code endPoint} may not be called, or empty when it may. */
    Optional<String> refusal(String endPoint) {
        return check(endPoint).refusal();
    }

    /** Resolves the host once and decides on every address it has. */
    Decision check(String endPoint) {
        URI uri;
        try {
            uri = new URI(endPoint);
        } catch (URISyntaxException e) {
            return Decision.refused("The endpoint is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Decision.refused("The endpoint must be an http or https URL.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Decision.refused("The endpoint must name a host and carry no user info.");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Decision.refused("The endpoint's host cannot be resolved.");
        }
        if (addresses.length == 0) {
            return Decision.refused("The endpoint's host cannot be resolved.");
        }
        for (InetAddress address : addresses) {
            if (!allowPrivate && !PublicAddress.isPublic(address)) {
                return Decision.refused("The endpoint resolves to a private, loopback, link-local or reserved address.");
            }
        }
        return new Decision(Optional.empty(), Optional.of(new Endpoint(uri, addresses[0])));
    }
}
