package no.formidler.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    @ParameterizedTest(name = "{0} of 41 bytes is {1}")
    @CsvSource({
            "bytes=0-9, bytes 0-9/41",
            "bytes=10-, bytes 10-40/41",
            "bytes=-10, bytes 31-40/41",
            "bytes=10-99999, bytes 10-40/41",
            "bytes=-100, bytes 0-40/41",
            "bytes=40-40, bytes 40-40/41"})
    void satisfiableRangesResolveAgainstTheFileSize(String header, String contentRange) {
        assertThat(ByteRange.resolve(header, 41)).get().extracting(ByteRange::contentRange).isEqualTo(contentRange);
    }

    @ParameterizedTest(name = "{0} means the whole file")
    @ValueSource(strings = {"bytes=0-1,5-10", "items=0-5", "bytes=-", "bytes=abc", "", "bytes 0-5"})
    void malformedOrMultipleRangesMeanTheWholeFile(String header) {
        assertThat(ByteRange.resolve(header, 41)).isEmpty();
    }

    @ParameterizedTest(name = "{0} cannot be satisfied")
    @ValueSource(strings = {"bytes=41-", "bytes=50-60", "bytes=10-5", "bytes=-0", "bytes=99999999999999999999-"})
    void unsatisfiableRangesAreRefusedWithBro00029(String header) {
        assertThatThrownBy(() -> ByteRange.resolve(header, 41))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.error()).isEqualTo(BrokerError.RANGE_NOT_SATISFIABLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-0", "bytes=-1"})
    void anEmptyFileHasNoSatisfiableRange(String header) {
        assertThatThrownBy(() -> ByteRange.resolve(header, 0)).isInstanceOf(BrokerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-9"})
    void lengthCountsBothEnds(String header) {
        assertThat(ByteRange.resolve(header, 41)).get().extracting(ByteRange::length).isEqualTo(10L);
    }
}
