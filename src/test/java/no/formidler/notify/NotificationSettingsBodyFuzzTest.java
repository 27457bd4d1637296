package no.formidler.notify;

import static no.formidler.testsupport.ClientInput.parsedOrRefused;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import no.formidler.web.AppJson;

/**
 * Any bytes as the body of PUT notification settings, read with the broker's own JSON configuration and checked by
 * its rules: settings, or a 400 in the API's words, never another exception.
 */
class NotificationSettingsBodyFuzzTest {

    @DictionaryEntries({"{", "}", "[", "]", "\"language\":\"en\"", "\"notifyWhenAllConfirmed\":true", "\"addresses\":[",
            "\"channel\":\"email\"", "\"channel\":\"sms\"", "\"address\":\"a@b.no\"", "\"address\":\"+4712345678\"",
            "\"resourceId\":", "null"})
    @FuzzTest(maxDuration = "5s")
    void anyBodyIsSettingsOrA400(byte[] body) throws Exception {
        parsedOrRefused(new String(body, StandardCharsets.UTF_8), () -> SettingsRules.check(AppJson.read(body, SettingsRules.Body.class)));
    }
}
