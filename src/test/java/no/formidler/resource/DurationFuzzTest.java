package no.formidler.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;

/**
 * Any text as a time to live or grace period (ISO-8601 or TimeSpan text): a duration between zero and the reference's
 * longest, or "not a duration" (which the rules answer with BRO-00014/BRO-00017), never an exception.
 */
class DurationFuzzTest {
    private static final Duration LONGEST = Duration.ofSeconds(922_337_203_685L, 477_580_700);

    @DictionaryEntries({"P", "T", "Y", "M", "D", "H", "S", ".", ":", "-", "2147483648", "99999999999999999999"})
    @FuzzTest(maxDuration = "5s")
    void anyTextIsADurationInRangeOrNone(String text) {
        IsoDuration.parse(text).ifPresent(d -> {
            assertThat(d.isNegative()).isFalse();
            assertThat(d).isLessThanOrEqualTo(LONGEST);
        });
    }
}
