package no.formidler.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.formidler.error.BrokerException;
import no.formidler.error.ValidationException;
import no.formidler.web.AppJson;
import tools.jackson.core.JacksonException;

/**
 * The property every fuzz test of client input checks: a parser returns a value or refuses with one of the broker's
 * own bad-input answers (a 4xx {@link BrokerException}, a {@link ValidationException}, or a body the message converter
 * answers 400 with words of the API). Anything else escapes to Jazzer as a finding.
 */
public final class ClientInput {
    private ClientInput() {
    }

    /** Code that reads client input; may throw anything, which is the point. */
    @FunctionalInterface
    public interface Parse {
        void run() throws Exception;
    }

    private static final List<String> JAVA_WORDS = List.of("java.", "no.formidler", "tools.jackson", "$");

    /**
     * @param clientText what the client sent, as text: a refusal may quote it (an unknown field's name), so a Java-looking
     *                   word in the refusal is a leak only when the client did not send it
     */
    public static void parsedOrRefused(String clientText, Parse parse) throws Exception {
        try {
            parse.run();
        } catch (BrokerException e) {
            assertThat(e.error().status()).as(e.getMessage()).isBetween(400, 499);
        } catch (ValidationException e) {
            assertThat(e.errors()).isNotEmpty();
        } catch (AppJson.MissingBody e) {
            // refused by Spring before the controller
        } catch (JacksonException e) {
            // A refusal quotes what the client named ('...': an unknown field) after the parser's own decoding of it,
            // which need not equal clientText byte for byte (broken UTF-8): only the refusal's own words can leak.
            String said = AppJson.describe(e).replaceAll("'[^']*'", "''");
            assertThat(JAVA_WORDS).allSatisfy(word -> assertThat(said.contains(word) && !clientText.contains(word))
                    .as("%s names a Java type", said).isFalse());
        }
    }
}
