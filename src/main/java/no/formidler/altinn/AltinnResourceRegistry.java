package no.formidler.altinn;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import no.formidler.auth.Organization;
import no.formidler.resource.AccessListDirectory;
import no.formidler.resource.ResourceRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Altinn Resource Registry and Register (docs/compatibility.md §3): resources with their owner and access-list
 * mode, and access-list memberships, checked per recipient. An answer the reference treats as an error (any status but
 * 200, 204 or 404) is an {@link AltinnUnavailableException}.
 */
class AltinnResourceRegistry implements AccessListDirectory, ResourceRegistry {
    /** Altinn's test organisation code; its resources are owned by Digdir's test org (docs/compatibility.md §3). */
    static final String TEST_ORG_CODE = "ttd";
    static final Organization TEST_ORG_OWNER = new Organization("991825827");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AltinnPlatformClient platform;

    AltinnResourceRegistry(AltinnPlatformClient platform) {
        this.platform = platform;
    }

    /** A resource as the registry describes it. */
    record RegistryResource(String identifier, Optional<Organization> owner, String orgCode, boolean accessListEnabled) {
    }

    Optional<RegistryResource> resource(String resourceId) {
        Optional<JsonNode> body = read("resourceregistry/api/v1/resource/" + encode(resourceId));
        return body.map(node -> {
            JsonNode authority = node.path("hasCompetentAuthority");
            String orgCode = authority.path("orgcode").asString("");
            Optional<Organization> owner = TEST_ORG_CODE.equalsIgnoreCase(orgCode) ? Optional.of(TEST_ORG_OWNER)
                    : Organization.fromAnyForm(authority.path("organization").asString(""));
            return new RegistryResource(node.path("identifier").asString(resourceId), owner, orgCode,
                    "Enabled".equals(node.path("accessListMode").asString("")));
        });
    }

    @Override
    public Optional<Organization> ownerOfNewResource(String resourceId, Organization configuringParty) {
        return resource(resourceId).flatMap(RegistryResource::owner);
    }

    /**
     * A recipient is admitted when the resource has no access list, or when its membership's first party resolves in
     * Register to the recipient's own organisation number.
     */
    @Override
    public boolean admitsAll(String resourceId, List<Organization> recipients) {
        Optional<RegistryResource> resource = resource(resourceId);
        if (resource.isEmpty() || !resource.get().accessListEnabled()) {
            return true;
        }
        return recipients.stream().allMatch(recipient -> member(resourceId, recipient));
    }

    private boolean member(String resourceId, Organization recipient) {
        Optional<JsonNode> memberships = read("resourceregistry/api/v1/access-lists/memberships?resource="
                + encode("urn:altinn:resource:" + resourceId) + "&party=" + encode(recipient.urn()));
        Optional<String> partyUuid = memberships
                .map(node -> node.path("data"))
                .filter(JsonNode::isArray)
                .filter(data -> !data.isEmpty())
                .map(data -> data.get(0).path("party").asString(""))
                .map(party -> party.substring(party.lastIndexOf(':') + 1))
                .filter(uuid -> uuid.matches("[0-9a-fA-F-]{36}"));
        if (partyUuid.isEmpty()) {
            return false;
        }
        Optional<AltinnPlatformClient.Answer> party = platform.get("register/api/v1/parties/byuuid/" + partyUuid.get());
        return party.filter(AltinnPlatformClient.Answer::ok)
                .flatMap(a -> parse(a.body()))
                .map(node -> node.path("orgNumber").asString(""))
                .filter(recipient.number()::equals)
                .isPresent();
    }

    /** 200 → the body; 204/404 → empty; anything else → unavailable. */
    private Optional<JsonNode> read(String path) {
        AltinnPlatformClient.Answer answer = platform.get(path)
                .orElseThrow(() -> new AltinnUnavailableException("No answer from Altinn for " + path));
        return switch (answer.status()) {
            case 200 -> Optional.of(parse(answer.body())
                    .orElseThrow(() -> new AltinnUnavailableException("Unreadable answer from Altinn for " + path)));
            case 204, 404 -> Optional.empty();
            default -> throw new AltinnUnavailableException("Altinn answered " + answer.status() + " for " + path);
        };
    }

    private static Optional<JsonNode> parse(String body) {
        try {
            return Optional.of(JSON.readTree(body));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
