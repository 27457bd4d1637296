package no.formidler.events;

import static no.formidler.testsupport.ClientInput.parsedOrRefused;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import no.formidler.web.AppJson;

/**
 * Any bytes as the body of POST subscriptions, read with the broker's own JSON configuration: a request, or a 400 in
 * the API's words, never another exception. (The endpoint guard's decisions have their own test, EndpointGuardTest;
 * it resolves host names, which a fuzzer must not do.)
 */
class SubscriptionBodyFuzzTest {

    @DictionaryEntries({"{", "}", "\"endPoint\":\"https://", "\"resourceFilter\":\"urn:altinn:resource:",
            "\"subjectFilter\":\"/organisation/991825827\"", "\"typeFilter\":", "\"includeSubunits\":true", "null"})
    @FuzzTest(maxDuration = "5s")
    void anyBodyIsARequestOrA400(byte[] body) throws Exception {
        parsedOrRefused(new String(body, StandardCharsets.UTF_8), () -> AppJson.read(body, SubscriptionRequest.class));
    }
}
