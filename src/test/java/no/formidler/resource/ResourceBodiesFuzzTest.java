package no.formidler.resource;

import static no.formidler.testsupport.ClientInput.parsedOrRefused;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import no.formidler.web.AppJson;

/**
 * Any bytes as the body of PUT /resource/{id} (settings) or PUT /resource/{id}/policy, read with the broker's own JSON
 * configuration and checked by its rules: accepted, or a 4xx in the API's words, never another exception.
 */
class ResourceBodiesFuzzTest {

    @DictionaryEntries({"{", "}", "[", "]", "\"maxFileTransferSize\":", "\"fileTransferTimeToLive\":\"P",
            "\"purgeFileTransferGracePeriod\":\"PT", "\"useManifestFileShim\":true", "\"externalServiceCodeLegacy\":",
            "\"externalServiceEditionCodeLegacy\":", "\"requiredParty\":", "\"rules\":[", "\"subjects\":[\"0192:991825827\"]",
            "\"actions\":[\"read\",\"write\",\"subscribe\"]", "\"*\"", "9223372036854775808", "null"})
    @FuzzTest(maxDuration = "5s")
    void anySettingsOrPolicyBodyIsAcceptedOrA4xx(FuzzedDataProvider data) throws Exception {
        boolean policy = data.consumeBoolean();
        boolean scanningRequired = data.consumeBoolean();
        byte[] body = data.consumeRemainingAsBytes();
        if (policy) {
            parsedOrRefused(new String(body, StandardCharsets.UTF_8), () -> AccessPolicyController.grants(AppJson.read(body, AccessPolicyController.Policy.class)));
        } else {
            parsedOrRefused(new String(body, StandardCharsets.UTF_8), () -> {
                ResourceSettingsChange change = AppJson.read(body, ResourceSettingsChange.class);
                ResourceSettingsRules.checkShape(change);
                ResourceSettingsRules.check(change, scanningRequired, false);
            });
        }
    }
}
