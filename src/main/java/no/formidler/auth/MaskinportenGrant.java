package no.formidler.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a JWT-bearer grant as Maskinporten does (its "JWT grant" rules): {@code iss} names the client, {@code aud} the
 * token endpoint, {@code scope} what is asked, and the assertion lives at most two minutes. A registered client's
 * signature is verified with its key; while development tokens are on, an unregistered client is taken at its word.
 * The result is the claims Maskinporten puts in its access tokens.
 */
final class MaskinportenGrant {
    private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofSeconds(120);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(10);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    private static final String SYSTEM_USER = "urn:altinn:systemuser";

    private static final int MAX_JTI_LENGTH = 200;

    private final MaskinportenClients clients;
    private final boolean acceptUnregistered;
    private final Replays replays;
    private final Clock clock;

    MaskinportenGrant(MaskinportenClients clients, boolean acceptUnregistered, Replays replays, Clock clock) {
        this.clients = clients;
        this.acceptUnregistered = acceptUnregistered;
        this.replays = replays;
        this.clock = clock;
    }

    /** Remembers a client's jti until {@code expires}; false when it was seen before (a replayed assertion). */
    interface Replays {
        boolean firstUse(String clientId, String jti, Instant expires, Instant now);
    }

    /** Why a grant was refused, in OAuth's words ({@code invalid_grant}, {@code invalid_client}, ...). */
    static final class Refused extends RuntimeException {
        final String error;

        Refused(String error, String description) {
            super(description, null, false, false);
            this.error = error;
        }
    }

    /** The checked grant: who the token is for and the claims it carries besides iss/iat/exp/jti. */
    record Granted(String clientId, String scope, Map<String, Object> claims) {
    }

    Granted check(String assertion, Set<String> audiences) {
        SignedJWT jwt = parse(assertion);
        JWTClaimsSet claims = claims(jwt);
        String clientId = claims.getIssuer();
        if (clientId == null || clientId.isBlank()) {
            throw new Refused("invalid_grant", "The assertion has no iss (the client id).");
        }
        checkTimes(claims);
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > MAX_JTI_LENGTH) {
            throw new Refused("invalid_grant", "The assertion must carry a jti of at most " + MAX_JTI_LENGTH + " characters.");
        }
        if (claims.getAudience().stream().noneMatch(audiences::contains)) {
            throw new Refused("invalid_grant", "Invalid assertion. Client authentication failed. Invalid audience.");
        }
        String scope = scope(claims);
        Optional<MaskinportenClients.Registered> registered = clients.find(clientId);
        Optional<Organization> own;
        if (registered.isPresent()) {
            verify(jwt, registered.get());
            registered.get().checkScopes(scope);
            own = Optional.of(registered.get().organization());
        } else if (acceptUnregistered) {
            own = Optional.empty();
        } else {
            throw new Refused("invalid_client", "Unknown client " + clientId + ".");
        }
        Map<String, Object> tokenClaims = tokenClaims(claims, clientId, own, registered);
        // Last, so that only a grant that is answered uses up its jti; kept while the assertion could still be taken.
        if (!replays.firstUse(clientId, jti, claims.getExpirationTime().toInstant().plus(CLOCK_SKEW), clock.instant())) {
            throw new Refused("invalid_grant", "The assertion has been used before (its jti is not new).");
        }
        return new Granted(clientId, scope, tokenClaims);
    }

    private static SignedJWT parse(String assertion) {
        if (assertion == null || assertion.isBlank()) {
            throw new Refused("invalid_request", "The assertion parameter is missing.");
        }
        try {
            return SignedJWT.parse(assertion.trim());
        } catch (ParseException e) {
            throw new Refused("invalid_grant", "The assertion is not a signed JWT.");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("invalid_grant", "The assertion's claims are not valid JSON.");
        }
    }

    private void checkTimes(JWTClaimsSet claims) {
        Date iat = claims.getIssueTime();
        Date exp = claims.getExpirationTime();
        if (iat == null || exp == null) {
            throw new Refused("invalid_grant", "The assertion must carry iat and exp.");
        }
        Instant now = clock.instant();
        if (exp.toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            throw new Refused("invalid_grant", "The assertion has expired.");
        }
        if (iat.toInstant().minus(CLOCK_SKEW).isAfter(now)
                || Duration.between(iat.toInstant(), exp.toInstant()).compareTo(MAX_ASSERTION_LIFETIME) > 0) {
            throw new Refused("invalid_grant", "The assertion may live at most 120 seconds from its iat.");
        }
    }

    private static String scope(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (!(scope instanceof String text) || text.isBlank()) {
            throw new Refused("invalid_scope", "The assertion must ask for at least one scope.");
        }
        return String.join(" ", new LinkedHashSet<>(Arrays.asList(text.trim().split("\\s+"))));
    }

    private static void verify(SignedJWT jwt, MaskinportenClients.Registered client) {
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw new Refused("invalid_grant", "The assertion must be signed with RS256, RS384 or RS512.");
        }
        RSAPublicKey key = client.key(jwt.getHeader().getKeyID())
                .orElseThrow(() -> new Refused("invalid_grant", "No key of the client matches the assertion's kid."));
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw new Refused("invalid_grant", "Invalid assertion. Client authentication failed. Invalid signature.");
            }
        } catch (JOSEException e) {
            throw new Refused("invalid_grant", "Invalid assertion. Client authentication failed.");
        }
    }

    /**
     * {@code consumer} is the organisation the token acts for: the client's own, or the {@code consumer_org} a supplier
     * names ({@code supplier} is then the client's). A system user's {@code authorization_details} are carried over with
     * the ids Maskinporten adds.
     */
    private static Map<String, Object> tokenClaims(JWTClaimsSet grant, String clientId, Optional<Organization> own,
                                                   Optional<MaskinportenClients.Registered> registered) {
        Optional<Organization> consumerOrg = organization(grant.getClaim("consumer_org"), "consumer_org");
        Optional<Organization> systemUserOrg = systemUserOrganization(grant.getClaim("authorization_details"));
        registered.ifPresent(r -> {
            consumerOrg.ifPresent(r::checkActsFor);
            systemUserOrg.ifPresent(r::checkActsFor);
        });
        Organization consumer = consumerOrg.or(() -> own).or(() -> systemUserOrg).orElseThrow(() -> new Refused(
                "invalid_client", "Unknown client " + clientId + ": name its organisation in consumer_org or authorization_details."));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("client_amr", registered.isPresent() ? "private_key_jwt" : "unverified");
        claims.put("token_type", "Bearer");
        claims.put("client_id", clientId);
        claims.put("consumer", orgClaim(consumer));
        if (consumerOrg.isPresent() && own.isPresent() && !own.get().equals(consumerOrg.get())) {
            claims.put("supplier", orgClaim(own.get()));
        }
        systemUserOrg.ifPresent(org -> claims.put("authorization_details", List.of(Map.of(
                "type", SYSTEM_USER,
                "systemuser_id", List.of(UUID.nameUUIDFromBytes((clientId + "|" + org.number()).getBytes()).toString()),
                "systemuser_org", orgClaim(org),
                "system_id", clientId))));
        return claims;
    }

    private static Map<String, String> orgClaim(Organization org) {
        return Map.of("authority", "iso6523-actorid-upis", "ID", org.prefixed());
    }

    private static Optional<Organization> organization(Object value, String claim) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String id) {
            return Optional.of(Organization.fromAnyForm(id)
                    .orElseThrow(() -> new Refused("invalid_grant", claim + " is not an organisation number.")));
        }
        throw new Refused("invalid_grant", claim + " is not an organisation number.");
    }

    private static Optional<Organization> systemUserOrganization(Object details) {
        if (details == null) {
            return Optional.empty();
        }
        if (details instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Map<?, ?> detail
                && SYSTEM_USER.equals(detail.get("type")) && detail.get("systemuser_org") instanceof Map<?, ?> org) {
            return organization(org.get("ID"), "authorization_details.systemuser_org.ID");
        }
        throw new Refused("invalid_authorization_details",
                "authorization_details must be one urn:altinn:systemuser entry with systemuser_org.");
    }
}
