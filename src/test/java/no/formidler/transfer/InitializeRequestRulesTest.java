package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.formidler.error.ValidationException;
import org.junit.jupiter.api.Test;

class InitializeRequestRulesTest {

    private static InitializeRequest request(List<String> recipients, Map<String, String> properties, String checksum) {
        return new InitializeRequest("a.txt", "urn:altinn:resource:r1", "ref", "0192:991825827", recipients, properties,
                checksum, null);
    }

    private static String messages(InitializeRequest request) {
        try {
            InitializeRequestRules.check(request, 2000);
            return "";
        } catch (ValidationException e) {
            return e.errors().toString();
        }
    }

    /** Issue 17, finding 2: a transfer's recipients are capped, so no single transfer makes every report slow. */
    @Test
    void recipientsUpToTheCapPassAndOneMoreIsRefused() {
        List<String> three = List.of("0192:986252932", "0192:986252933", "0192:986252934");
        assertThatCode(() -> InitializeRequestRules.check(request(three, null, null), 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> InitializeRequestRules.check(request(three, null, null), 2))
                .isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("errors", Map.of("recipients", List.of("A file transfer can have at most 2 recipients")));
    }

    @Test
    void aCompleteRequestPasses() {
        assertThatCode(() -> InitializeRequestRules.check(request(List.of("0192:986252932"), Map.of("k", "v"), ""), 2000))
                .doesNotThrowAnyException();
    }

    @Test
    void tenPropertiesPassElevenDoNot() {
        Map<String, String> ten = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            ten.put("k" + i, "v");
        }
        assertThatCode(() -> InitializeRequestRules.check(request(List.of("0192:986252932"), ten, null), 2000)).doesNotThrowAnyException();
        ten.put("k10", "v");
        org.assertj.core.api.Assertions.assertThat(messages(request(List.of("0192:986252932"), ten, null)))
                .contains("PropertyList can contain at most 10 properties");
    }

    @Test
    void longKeysAndValuesAreRefusedWithTheirLength() {
        org.assertj.core.api.Assertions.assertThat(messages(request(List.of("0192:986252932"), Map.of("k".repeat(51), "v"), null)))
                .contains("PropertyList Key can not be longer than 50. Length:51");
        org.assertj.core.api.Assertions.assertThat(messages(request(List.of("0192:986252932"), Map.of("k", "v".repeat(3001)), null)))
                .contains("PropertyList Value can not be longer than 3000. Length:3001");
    }

    @Test
    void checksumsMustBe32LowercaseHexDigits() {
        org.assertj.core.api.Assertions.assertThat(messages(request(List.of("0192:986252932"), null, "a".repeat(31))))
                .contains("must be a MD5 hash with a length of 32 characters");
        org.assertj.core.api.Assertions.assertThat(messages(request(List.of("0192:986252932"), null, "A".repeat(32))))
                .contains("must be a MD5 hash in lower case");
        org.assertj.core.api.Assertions.assertThat(messages(request(List.of("0192:986252932"), null, "z".repeat(32))))
                .contains("hexadecimal");
    }

    @Test
    void recipientsAreRequiredAndMustBeOrganisationIds() {
        org.assertj.core.api.Assertions.assertThat(messages(request(List.of(), null, null))).contains("One or more recipients are required");
        org.assertj.core.api.Assertions.assertThat(messages(request(List.of(""), null, null))).contains("Each recipient should be on the form");
        org.assertj.core.api.Assertions.assertThat(messages(request(List.of("986252932"), null, null))).contains("Each recipient should be on the form");
    }

    @Test
    void missingFieldsAreNamed() {
        assertThatThrownBy(() -> InitializeRequestRules.check(new InitializeRequest(null, null, null, null, null, null, null, null), 2000))
                .isInstanceOfSatisfying(ValidationException.class, e -> org.assertj.core.api.Assertions.assertThat(e.errors())
                        .containsKeys("fileName", "resourceId", "sendersFileTransferReference", "sender", "recipients"));
    }
}
