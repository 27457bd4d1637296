package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationTest {

    @ParameterizedTest
    @ValueSource(strings = {"0192:991825827", "9908:991825827", "urn:altinn:organization:identifier-no:991825827"})
    void bothWireFormsNameTheSameOrganisation(String id) {
        assertThat(Organization.parse(id)).contains(new Organization("991825827"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"991825827", "0192:99182582", "urn:altinn:person:identifier-no:991825827", "0192:9918258270", "", "a:b"})
    void otherShapesAreNotOrganisations(String id) {
        assertThat(Organization.parse(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"991825827", "0192:991825827", "urn:altinn:organization:identifier-no:991825827"})
    void claimsMayBeBarePrefixedOrUrn(String claim) {
        assertThat(Organization.fromAnyForm(claim)).contains(new Organization("991825827"));
    }
}
