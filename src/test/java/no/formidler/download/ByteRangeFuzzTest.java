package no.formidler.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;

/**
 * Any {@code Range} header against any file size: a range inside the file, "the whole file", or 416, never another
 * exception. Kept inputs: src/test/resources/no/formidler/download/ByteRangeFuzzTestInputs/ (docs/security.md).
 */
class ByteRangeFuzzTest {

    @DictionaryEntries({"bytes=", "-", ",", "9223372036854775807", "0"})
    @FuzzTest(maxDuration = "5s")
    void anyRangeHeaderResolvesInsideTheFileOrIsRefusedWith416(FuzzedDataProvider data) {
        long size = data.consumeLong(0, Long.MAX_VALUE);
        String header = data.consumeRemainingAsString();
        try {
            ByteRange.resolve(header, size).ifPresent(range -> {
                assertThat(range.first()).isBetween(0L, range.last());
                assertThat(range.last()).isLessThan(size);
                assertThat(range.length()).isPositive();
            });
        } catch (BrokerException e) {
            assertThat(e.error()).isEqualTo(BrokerError.RANGE_NOT_SATISFIABLE);
        }
    }
}
