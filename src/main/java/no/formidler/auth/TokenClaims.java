package no.formidler.auth;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the caller out of an Altinn or Maskinporten token (docs/compatibility.md §3): a system user's
 * {@code authorization_details} wins, then {@code urn:altinn:orgNumber}, then the Maskinporten {@code consumer}.
 * Claims that are JSON text instead of JSON objects are accepted; claims that cannot be read name no organisation.
 */
final class TokenClaims {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenClaims() {
    }

    static Caller caller(Jwt jwt) {
        Optional<Organization> vendor = consumerOrganization(jwt.getClaims().get("consumer"));
        return new Caller(organization(jwt, vendor), vendor, scopes(jwt), clientId(jwt, vendor), jwt.getClaims());
    }

    private static Optional<Organization> organization(Jwt jwt, Optional<Organization> consumer) {
        Object details = jwt.getClaims().get("authorization_details");
        if (details != null) {
            return systemUserOrganization(details);
        }
        String orgNumber = jwt.getClaimAsString("urn:altinn:orgNumber");
        if (orgNumber != null) {
            return Organization.fromAnyForm(orgNumber);
        }
        return consumer;
    }

    private static Optional<Organization> systemUserOrganization(Object details) {
        Object first = asObject(details).orElse(null);
        if (first instanceof List<?> list) {
            first = list.isEmpty() ? null : asObject(list.get(0)).orElse(null);
        }
        if (first instanceof Map<?, ?> map && map.get("systemuser_org") instanceof Map<?, ?> org
                && org.get("ID") instanceof String id) {
            return Organization.fromAnyForm(id);
        }
        return Optional.empty();
    }

    private static Optional<Organization> consumerOrganization(Object consumer) {
        if (consumer == null) {
            return Optional.empty();
        }
        return asObject(consumer)
                .filter(Map.class::isInstance)
                .map(m -> ((Map<?, ?>) m).get("ID"))
                .filter(String.class::isInstance)
                .flatMap(id -> Organization.fromAnyForm((String) id));
    }

    /** A claim value as a JSON structure: maps and lists as they are, strings parsed as JSON. */
    private static Optional<Object> asObject(Object claim) {
        if (claim instanceof String text) {
            try {
                return Optional.ofNullable(JSON.readValue(text, Object.class));
            } catch (JacksonException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(claim);
    }

    private static Set<String> scopes(Jwt jwt) {
        Set<String> scopes = new HashSet<>();
        for (String claim : List.of("scope", "urn:altinn:scope")) {
            Object value = jwt.getClaims().get(claim);
            if (value instanceof String s) {
                // One space as the separator takes String.split's path without a regular expression; the empty
                // strings that runs of spaces leave are removed below.
                scopes.addAll(List.of(s.trim().split(" ")));
            } else if (value instanceof List<?> list) {
                list.forEach(v -> scopes.add(String.valueOf(v)));
            }
        }
        scopes.remove("");
        return scopes;
    }

    private static String clientId(Jwt jwt, Optional<Organization> vendor) {
        String clientId = jwt.getClaimAsString("client_id");
        if (clientId != null) {
            return clientId;
        }
        return vendor.map(Organization::number).orElse(jwt.getSubject() == null ? "" : jwt.getSubject());
    }
}
