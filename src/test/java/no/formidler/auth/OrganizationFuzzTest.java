package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any text as an organisation id (request bodies, path segments, token claims): an organisation whose two wire forms
 * parse back to it, or none, never an exception.
 */
class OrganizationFuzzTest {

    @DictionaryEntries({"0192:", "urn:altinn:organization:identifier-no:", "991825827", ":"})
    @FuzzTest(maxDuration = "5s")
    void anyTextIsAnOrganizationOrNone(String id) {
        Organization.parse(id).ifPresent(org -> {
            assertThat(Organization.isWireForm(id)).isTrue();
            assertThat(Organization.parse(org.prefixed())).contains(org);
            assertThat(Organization.parse(org.urn())).contains(org);
        });
        Organization.fromAnyForm(id).ifPresent(org -> assertThat(id).contains(org.number()));
    }
}
