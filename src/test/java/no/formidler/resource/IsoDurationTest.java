package no.formidler.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDurationTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"P30D, PT720H", "PT2H, PT2H", "P1Y, PT8760H", "P1M, PT720H", "P1DT1H30M, PT25H30M", "PT0.5S, PT0.5S"})
    void readsXmlSchemaDurationsWithYearsAndMonthsAsDays(String text, String expected) {
        assertThat(IsoDuration.parse(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "30", "P", "-P1D", "PT", "1D"})
    void refusesWhatIsNotAPositiveDuration(String text) {
        assertThat(IsoDuration.parse(text)).isEmpty();
    }

    /** Issue 17, finding 5: beyond the reference's TimeSpan range a duration is not a duration (it once became -infinity). */
    @ParameterizedTest
    @ValueSource(strings = {"P2147483648D", "PT99999999999999999999999S", "P4294967296Y", "P10675200D", "PT9223372036854775808S",
            "P2147483647M", "PT2562047788015216H"})
    void refusesDurationsThatOverflow(String text) {
        assertThat(IsoDuration.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"P10675199D", "P29000Y"})
    void acceptsLongDurationsInsideTheRange(String text) {
        assertThat(IsoDuration.parse(text)).isPresent();
    }
}
