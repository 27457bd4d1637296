package no.formidler.transfer;

import static no.formidler.testsupport.ClientInput.parsedOrRefused;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import no.formidler.web.AppJson;

/**
 * Any bytes as the body of initialize, read with the broker's own JSON configuration and checked by its rules: a
 * request, or a 400 in the API's words, never another exception.
 */
class InitializeBodyFuzzTest {

    @DictionaryEntries({"{", "}", "[", "]", "\"fileName\":", "\"resourceId\":", "\"sender\":\"0192:991825827\"",
            "\"recipients\":[", "\"propertyList\":{", "\"checksum\":", "\"disableVirusScan\":true",
            "\"sendersFileTransferReference\":", "\\u0000", "\\ud800", "1e999999", "null"})
    @FuzzTest(maxDuration = "5s")
    void anyBodyIsARequestOrA400(byte[] body) throws Exception {
        parsedOrRefused(new String(body, StandardCharsets.UTF_8), () -> InitializeRequestRules.check(AppJson.read(body, InitializeRequest.class), 2000));
    }
}
