package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header rules as loops agree with the regular expressions Spring Security checks them with. */
class HeaderCharactersTest {
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCharacterIsJudgedAsTheFirewallsPatternsJudgeIt() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String text = "a" + Character.toString(c) + "b";
            assertThat(HeaderCharacters.isAllowedName(text)).as("U+%04X in a name", c).isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderCharacters.isAllowedValue(text)).as("U+%04X in a value", c).isEqualTo(VALUE.matcher(text).matches());
        }
    }

    @Test
    void unpairedSurrogatesAndMixedTextAgreeToo() {
        Random random = new Random(16);
        char[] pieces = {'a', ' ', '\t', '\n', '\u0000', '\u007f', '\u0085', '\u00e5', '\ud83d', '\ude00', '\u0378', '|'};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertThat(HeaderCharacters.isAllowedName(s)).as(s).isEqualTo(NAME.matcher(s).matches());
            assertThat(HeaderCharacters.isAllowedValue(s)).as(s).isEqualTo(VALUE.matcher(s).matches());
        }
    }

    @Test
    void aTokenPassesAndAControlCharacterDoesNot() {
        assertThat(HeaderCharacters.isAllowedValue("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
        assertThat(HeaderCharacters.isAllowedValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.isAllowedName("a\tb")).isFalse();
        assertThat(HeaderCharacters.isAllowedValue("a\r\nSet-Cookie: x")).isFalse();
    }
}
