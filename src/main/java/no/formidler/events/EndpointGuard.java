package no.formidler.events;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from reaching into the broker's own network (SSRF): an endpoint must be http(s) and resolve only to
 * public addresses, unless {@code formidler.events.allow-private-endpoints} is on. Checked when a subscription is
 * made and again before every delivery, since DNS answers change.
 */
@Component
class EndpointGuard {
    private final boolean allowPrivate;

    EndpointGuard(EventProperties properties) {
        this.allowPrivate = properties.allowPrivateEndpoints();
    }

    /** Why {@code endPoint} may not be called, or empty when it may. */
    Optional<String> refusal(String endPoint) {
        URI uri;
        try {
            uri = new URI(endPoint);
        } catch (Exception e) {
            return Optional.of("The endpoint is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("The endpoint must be an http or https URL.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("The endpoint must name a host and carry no user info.");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    return Optional.of("The endpoint resolves to a private, loopback or link-local address.");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("The endpoint's host cannot be resolved.");
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 // carrier-grade NAT 100.64.0.0/10
                || (b[0] & 0xff) == 0; // "this network"
    }
}
