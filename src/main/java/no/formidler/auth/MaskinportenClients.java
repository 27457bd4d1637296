package no.formidler.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Maskinporten clients registered in configuration, each with its organisation, key and allowances. */
final class MaskinportenClients {
    private static final Duration JWKS_CACHE = Duration.ofMinutes(5);
    private static final int JWKS_TIMEOUT_MILLIS = 5000;
    private static final int JWKS_MAX_BYTES = 512 * 1024;
    /** What a client registered without scopes may ask for: sending and receiving, not maintenance or service owner. */
    static final List<String> DEFAULT_SCOPES = List.of("altinn:broker.read", "altinn:broker.write");
    private final Map<String, Registered> byId;

    MaskinportenClients(List<MaskinportenSettings.Client> clients, Clock clock) {
        this.byId = clients.stream().map(c -> new Registered(c, clock))
                .collect(Collectors.toUnmodifiableMap(r -> r.settings.clientId(), Function.identity()));
    }

    Optional<Registered> find(String clientId) {
        return Optional.ofNullable(byId.get(clientId));
    }

    /** One registered client. A JWKS URL is read when a grant needs it and kept for five minutes. */
    static final class Registered {
        private final MaskinportenSettings.Client settings;
        private final Organization organization;
        private final RSAPublicKey pemKey;
        private final Clock clock;
        /** The last JWKS read; replaced whole, so readers never need the lock. */
        private volatile Read jwks;
        /** One read at a time per client; the others keep the set they have rather than wait. */
        private final ReentrantLock reading = new ReentrantLock();

        Registered(MaskinportenSettings.Client settings, Clock clock) {
            if (settings.clientId() == null || settings.clientId().isBlank()) {
                throw new IllegalStateException("formidler.maskinporten.clients[].client-id is required");
            }
            this.settings = settings;
            this.organization = Organization.fromAnyForm(settings.orgNumber()).orElseThrow(() -> new IllegalStateException(
                    "Maskinporten client " + settings.clientId() + " needs an org-number of 9 digits"));
            if (settings.publicKeyLocation() == null && (settings.jwksUri() == null || settings.jwksUri().isBlank())) {
                throw new IllegalStateException("Maskinporten client " + settings.clientId() + " needs public-key-location or jwks-uri");
            }
            this.pemKey = settings.publicKeyLocation() == null ? null : PemKeys.readPublicKey(settings.publicKeyLocation());
            this.clock = clock;
        }

        Organization organization() {
            return organization;
        }

        /** The key for {@code kid}: the PEM key whatever the kid, else the JWKS key with that kid (or the only one). */
        Optional<RSAPublicKey> key(String kid) {
            if (pemKey != null) {
                return Optional.of(pemKey);
            }
            List<JWK> keys = jwks().getKeys();
            Optional<JWK> match = kid == null && keys.size() == 1 ? Optional.of(keys.get(0))
                    : keys.stream().filter(k -> k.getKeyID() != null && k.getKeyID().equals(kid)).findFirst();
            return match.filter(RSAKey.class::isInstance).map(k -> {
                try {
                    return ((RSAKey) k).toRSAPublicKey();
                } catch (JOSEException e) {
                    return null;
                }
            });
        }

        void checkScopes(String scope) {
            List<String> allowed = settings.scopes().isEmpty() ? DEFAULT_SCOPES : settings.scopes();
            Arrays.stream(scope.split(" ")).filter(s -> !allowed.contains(s)).findFirst().ifPresent(s -> {
                throw new MaskinportenGrant.Refused("invalid_scope", "Scope " + s + " is not granted to this client.");
            });
        }

        void checkActsFor(Organization other) {
            boolean allowed = other.equals(organization) || settings.actsFor().stream()
                    .map(Organization::fromAnyForm).flatMap(Optional::stream).anyMatch(other::equals);
            if (!allowed) {
                throw new MaskinportenGrant.Refused("invalid_grant",
                        "Client " + settings.clientId() + " may not act for " + other.prefixed() + ".");
            }
        }

        private JWKSet jwks() {
            Read last = jwks;
            if (last != null && !last.staleAt(clock.instant())) {
                return last.keys();
            }
            // A first read waits for one under way (each bounded by the timeouts); a refresh keeps the stale set instead.
            if (last == null) {
                reading.lock();
            } else if (!reading.tryLock()) {
                return last.keys();
            }
            try {
                Read current = jwks;
                if (current != null && current != last) {
                    return current.keys();
                }
                jwks = new Read(JWKSet.load(URI.create(settings.jwksUri()).toURL(), JWKS_TIMEOUT_MILLIS,
                        JWKS_TIMEOUT_MILLIS, JWKS_MAX_BYTES), clock.instant());
                return jwks.keys();
            } catch (IOException | ParseException e) {
                if (last == null) {
                    throw new MaskinportenGrant.Refused("invalid_client", "The client's JWKS could not be read.");
                }
                return last.keys();
            } finally {
                reading.unlock();
            }
        }
    }

    private record Read(JWKSet keys, Instant at) {
        boolean staleAt(Instant now) {
            return at.plus(JWKS_CACHE).isBefore(now);
        }
    }
}
