package no.formidler.altinn;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import no.formidler.auth.AccessRequest;
import no.formidler.auth.PolicyDecisionPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Altinn platform mode's decisions (docs/compatibility.md §3): the resource must be configured in the broker, then
 * Altinn Authorization is asked with a XACML JSON request and every result must be Permit with its minimum
 * authentication level met. Anything else (an error status after retries, a timeout, an unreadable answer) denies.
 *
 * <p>One deliberate difference from the reference: an answer with no results denies (the reference permits).
 */
class AltinnPolicyDecisionPoint implements PolicyDecisionPoint {
    static final String AUTHORIZE_PATH = "authorization/api/v1/authorize";
    static final String MIN_LEVEL = "urn:altinn:minimum-authenticationlevel";
    static final String MIN_LEVEL_ORG = "urn:altinn:minimum-authenticationlevel-org";
    private static final Logger log = LoggerFactory.getLogger(AltinnPolicyDecisionPoint.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AltinnPlatformClient platform;
    private final Predicate<String> resourceConfigured;

    /** @param resourceConfigured whether the broker has the resource configured (E9, docs/compatibility.md §1) */
    AltinnPolicyDecisionPoint(AltinnPlatformClient platform, Predicate<String> resourceConfigured) {
        this.platform = platform;
        this.resourceConfigured = resourceConfigured;
    }

    @Override
    public boolean permits(AccessRequest request) {
        if (!resourceConfigured.test(request.resourceId())) {
            return false;   // as the reference: a resource must be configured (E9) before anybody can use it
        }
        Optional<AltinnPlatformClient.Answer> answer = platform.postJson(AUTHORIZE_PATH,
                JSON.writeValueAsString(XacmlRequest.of(request)));
        if (answer.isEmpty() || answer.get().status() / 100 != 2) {
            log.warn("Altinn Authorization gave no decision for {} on {}: {}", request.action().wireName(),
                    request.resourceId(), answer.map(a -> "HTTP " + a.status()).orElse("no answer"));
            return false;
        }
        return permitted(answer.get().body(), request.caller().claims());
    }

    static boolean permitted(String body, Map<String, Object> claims) {
        JsonNode results;
        try {
            results = field(JSON.readTree(body), "response");
        } catch (JacksonException e) {
            return false;
        }
        if (results == null || !results.isArray() || results.isEmpty()) {
            return false;
        }
        for (JsonNode result : results) {
            JsonNode decision = field(result, "decision");
            if (decision == null || !"Permit".equals(decision.asString()) || !authenticationLevelMet(result, claims)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The obligation of a minimum authentication level: the token's {@code urn:altinn:authlevel} (3 for a raw
     * Maskinporten token) must reach it, or, for a service owner ({@code urn:altinn:org}), the org minimum.
     */
    private static boolean authenticationLevelMet(JsonNode result, Map<String, Object> claims) {
        OptionalInt minimum = obligation(result, MIN_LEVEL);
        if (minimum.isEmpty()) {
            return true;
        }
        int level = authenticationLevel(claims);
        if (level >= minimum.getAsInt()) {
            return true;
        }
        OptionalInt orgMinimum = obligation(result, MIN_LEVEL_ORG);
        return claims.containsKey("urn:altinn:org") && orgMinimum.isPresent() && level >= orgMinimum.getAsInt();
    }

    static int authenticationLevel(Map<String, Object> claims) {
        Object level = claims.get("urn:altinn:authlevel");
        if (level instanceof Number n) {
            return n.intValue();
        }
        if (level instanceof String s && s.trim().matches("\\d{1,2}")) {
            return Integer.parseInt(s.trim());
        }
        boolean maskinporten = claims.containsKey("consumer") && String.valueOf(claims.get("iss")).contains("maskinporten.no");
        return maskinporten ? 3 : 0;
    }

    /** An obligation's value, found by its category or attribute id (the PEP matches the category). */
    private static OptionalInt obligation(JsonNode result, String id) {
        JsonNode obligations = field(result, "obligations");
        if (obligations == null || !obligations.isArray()) {
            return OptionalInt.empty();
        }
        for (JsonNode obligation : obligations) {
            JsonNode assignments = field(obligation, "attributeAssignment");
            if (assignments == null || !assignments.isArray()) {
                continue;
            }
            for (JsonNode assignment : assignments) {
                JsonNode category = field(assignment, "category");
                JsonNode attributeId = field(assignment, "attributeId");
                boolean matches = (category != null && id.equals(category.asString()))
                        || (attributeId != null && id.equals(attributeId.asString()));
                if (matches) {
                    JsonNode value = field(assignment, "value");
                    boolean readable = value != null && value.asString().trim().matches("\\d{1,2}");
                    // An obligation we cannot read is one nobody meets.
                    return OptionalInt.of(readable ? Integer.parseInt(value.asString().trim()) : Integer.MAX_VALUE);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** A field by its camelCase name or with a capital first letter (the PDP's .NET default). */
    private static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(name);
        return value != null ? value : node.get(Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }
}
