package no.formidler.altinn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.formidler.altinn.FakeAltinn.Reply;
import no.formidler.auth.Organization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Resource Registry and Register contract (docs/compatibility.md §3), against a local server playing Altinn. */
class AltinnResourceRegistryTest {
    private static final String RESOURCE = "resourceregistry/api/v1/resource/broker-resource";
    private static final String MEMBERSHIPS = "resourceregistry/api/v1/access-lists/memberships";
    private static final String PARTY_UUID = "9c8b1f3e-5a8d-4a57-9c0e-1f2a3b4c5d6e";
    private static final Organization RECIPIENT = new Organization("310000022");
    private final FakeAltinn altinn = new FakeAltinn();
    private final AltinnResourceRegistry registry = new AltinnResourceRegistry(altinn.client());

    @AfterEach
    void stop() {
        altinn.close();
    }

    private static String resource(String orgcode, String organization, String accessListMode) {
        return """
                {"identifier":"broker-resource","title":{"nb":"Formidling"},
                 "hasCompetentAuthority":{"organization":"%s","orgcode":"%s","name":{"nb":"Etat","en":"Agency"}},
                 "accessListMode":"%s","resourceType":"GenericAccessResource"}""".formatted(organization, orgcode, accessListMode);
    }

    @Test
    void aResourceIsReadWithItsOwnerAndAccessListMode() {
        altinn.on(RESOURCE, Reply.json(200, resource("skd", "974761076", "Enabled")));
        var found = registry.resource("broker-resource").orElseThrow();
        assertThat(found.owner()).contains(new Organization("974761076"));
        assertThat(found.orgCode()).isEqualTo("skd");
        assertThat(found.accessListEnabled()).isTrue();
        assertThat(altinn.requests.get(0).method()).isEqualTo("GET");
        assertThat(altinn.requests.get(0).header("Ocp-Apim-Subscription-Key")).isEqualTo("subscription-key-1");
    }

    @Test
    void theTestOrganisationTtdOwnsItsResourcesAs991825827() {
        altinn.on(RESOURCE, Reply.json(200, resource("TTD", "405003309", "Disabled")));
        assertThat(registry.resource("broker-resource").orElseThrow().owner()).contains(new Organization("991825827"));
    }

    @Test
    void notFoundAndNoContentMeanNoResourceAndOtherStatusesAreErrors() {
        altinn.on(RESOURCE, Reply.json(404, ""));
        assertThat(registry.resource("broker-resource")).isEmpty();
        altinn.on(RESOURCE, Reply.json(204, ""));
        assertThat(registry.resource("broker-resource")).isEmpty();
        altinn.on(RESOURCE, Reply.json(403, "{}"));
        assertThatThrownBy(() -> registry.resource("broker-resource")).isInstanceOf(AltinnUnavailableException.class);
    }

    @Test
    void withoutAnEnabledAccessListEveryRecipientIsAdmittedWithoutAskingForMemberships() {
        altinn.on(RESOURCE, Reply.json(200, resource("skd", "974761076", "Disabled")));
        assertThat(registry.admitsAll("broker-resource", List.of(RECIPIENT))).isTrue();
        assertThat(altinn.requests).hasSize(1);
    }

    @Test
    void aMemberWhosePartyResolvesToTheRecipientIsAdmitted() {
        altinn.on(RESOURCE, Reply.json(200, resource("skd", "974761076", "Enabled")));
        altinn.on(MEMBERSHIPS, Reply.json(200, "{\"data\":[{\"party\":\"urn:altinn:party:uuid:" + PARTY_UUID
                + "\",\"resource\":\"urn:altinn:resource:broker-resource\",\"since\":\"2025-01-01T00:00:00Z\"}]}"));
        altinn.on("register/api/v1/parties/byuuid/" + PARTY_UUID, Reply.json(200,
                "{\"partyId\":50001234,\"partyUuid\":\"" + PARTY_UUID + "\",\"orgNumber\":\"310000022\",\"name\":\"Mottaker AS\"}"));

        assertThat(registry.admitsAll("broker-resource", List.of(RECIPIENT))).isTrue();

        assertThat(altinn.requests).extracting(FakeAltinn.Recorded::pathAndQuery).containsExactly(
                "resourceregistry/api/v1/resource/broker-resource",
                "resourceregistry/api/v1/access-lists/memberships?resource=urn%3Aaltinn%3Aresource%3Abroker-resource"
                        + "&party=urn%3Aaltinn%3Aorganization%3Aidentifier-no%3A310000022",
                "register/api/v1/parties/byuuid/" + PARTY_UUID);
    }

    @Test
    void aMembershipResolvingToAnotherOrganisationOrNoneIsNotAdmitted() {
        altinn.on(RESOURCE, Reply.json(200, resource("skd", "974761076", "Enabled")));
        altinn.on(MEMBERSHIPS, Reply.json(200, "{\"data\":[{\"party\":\"urn:altinn:party:uuid:" + PARTY_UUID + "\"}]}"));
        altinn.on("register/api/v1/parties/byuuid/" + PARTY_UUID, Reply.json(200, "{\"orgNumber\":\"310000099\"}"));
        assertThat(registry.admitsAll("broker-resource", List.of(RECIPIENT))).isFalse();

        altinn.on("register/api/v1/parties/byuuid/" + PARTY_UUID, Reply.json(404, ""));
        assertThat(registry.admitsAll("broker-resource", List.of(RECIPIENT))).isFalse();

        altinn.on(MEMBERSHIPS, Reply.json(200, "{\"data\":[]}"));
        assertThat(registry.admitsAll("broker-resource", List.of(RECIPIENT))).isFalse();

        altinn.on(MEMBERSHIPS, Reply.json(404, ""));
        assertThat(registry.admitsAll("broker-resource", List.of(RECIPIENT))).isFalse();
    }

    @Test
    void theResourceIsReadOnceAndRecipientsAreCheckedInOrderUntilOneIsRefused() {
        Organization second = new Organization("310000023");
        altinn.on(RESOURCE, Reply.json(200, resource("skd", "974761076", "Enabled")));
        altinn.on(MEMBERSHIPS, Reply.json(404, ""));
        assertThat(registry.admitsAll("broker-resource", List.of(RECIPIENT, second))).isFalse();
        assertThat(altinn.requests).extracting(FakeAltinn.Recorded::pathAndQuery)
                .containsExactly(RESOURCE, MEMBERSHIPS + "?resource=urn%3Aaltinn%3Aresource%3Abroker-resource"
                        + "&party=urn%3Aaltinn%3Aorganization%3Aidentifier-no%3A310000022");
    }

    @Test
    void aMembershipLookupThatFailsIsAnError() {
        altinn.on(RESOURCE, Reply.json(200, resource("skd", "974761076", "Enabled")));
        altinn.on(MEMBERSHIPS, Reply.json(502, ""));
        assertThatThrownBy(() -> registry.admitsAll("broker-resource", List.of(RECIPIENT))).isInstanceOf(AltinnUnavailableException.class);
        assertThat(altinn.sleeps).hasSize(3);
    }
}
