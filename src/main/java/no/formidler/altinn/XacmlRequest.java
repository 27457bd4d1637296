package no.formidler.altinn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.formidler.auth.AccessRequest;

/**
 * The XACML JSON request of docs/compatibility.md §3, in the shape Altinn Authorization reads (camelCase keys). Subject
 * attributes follow the Altinn PEP's mapping of token claims; action and resource attributes are issued by "Altinn".
 */
record XacmlRequest(Body request) {
    static final String ACTION_ID = "urn:oasis:names:tc:xacml:1.0:action:action-id";
    private static final String STRING = "string";
    private static final String ALTINN = "Altinn";

    record Attribute(String attributeId, String value, String dataType, String issuer, boolean includeInResult) {
        static Attribute of(String id, String value, String issuer) {
            return new Attribute(id, value, STRING, issuer, false);
        }
    }

    record Category(List<Attribute> attribute) {
    }

    record Body(List<Category> accessSubject, List<Category> action, List<Category> resource) {
    }

    static XacmlRequest of(AccessRequest access) {
        List<Attribute> resource = new ArrayList<>(List.of(
                Attribute.of("urn:altinn:resource", access.resourceId(), ALTINN),
                Attribute.of("urn:altinn:organization:identifier-no", access.party().number(), ALTINN)));
        access.fileTransferId().ifPresent(id -> resource.add(Attribute.of("urn:altinn:resourceinstance", id.toString(), ALTINN)));
        Category action = new Category(List.of(Attribute.of(ACTION_ID, access.action().wireName(), ALTINN)));
        return new XacmlRequest(new Body(List.of(new Category(subject(access.caller().claims()))), List.of(action),
                List.of(new Category(resource))));
    }

    /**
     * The Altinn PEP's subject: a system user is only its id; otherwise the organisation, scope, session and urn:
     * claims.
     */
    static List<Attribute> subject(Map<String, Object> claims) {
        String issuer = claims.get("iss") == null ? ALTINN : String.valueOf(claims.get("iss"));
        List<Attribute> attributes = new ArrayList<>();
        String systemUser = SystemUserClaim.firstSystemUserId(claims.get("authorization_details"));
        if (systemUser != null) {
            attributes.add(Attribute.of("urn:altinn:systemuser:uuid", systemUser, issuer));
            return attributes;
        }
        claims.forEach((name, value) -> {
            String text = value instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
            switch (name) {
                case "urn:altinn:orgNumber" -> {
                    attributes.add(Attribute.of("urn:altinn:organizationnumber", text, issuer));
                    attributes.add(Attribute.of("urn:altinn:organization:identifier-no", text, issuer));
                }
                case "scope" -> attributes.add(Attribute.of("urn:scope", text, issuer));
                case "jti" -> attributes.add(Attribute.of("urn:altinn:sessionid", text, issuer));
                default -> {
                    if (name.startsWith("urn:") && !(value instanceof Map<?, ?>)) {
                        attributes.add(Attribute.of(name, text, issuer));
                    }
                }
            }
        });
        if (claims.get("pid") instanceof String pid) {
            attributes.add(Attribute.of("urn:altinn:person:identifier-no", pid, issuer));
        }
        return attributes;
    }
}
