package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Any value of the TUS headers a client sends (Upload-Offset, Upload-Length, Upload-Checksum, Upload-Concat,
 * Upload-Metadata): read, or refused with the protocol's own 4xx error, never another exception.
 */
class TusHeadersFuzzTest {

    @DictionaryEntries({"final;", "partial", "/broker/api/v1/upload/", "sha256 ", "md5 ", "sha1 ", "filename ", ",", "=",
            "00000000-0000-0000-0000-000000000000", "9223372036854775808"})
    @FuzzTest(maxDuration = "5s")
    void anyTusHeaderIsReadOrRefusedWithATusError(FuzzedDataProvider data) {
        int header = data.consumeInt(0, 4);
        String value = data.consumeRemainingAsString();
        var request = new MockHttpServletRequest();
        try {
            switch (header) {
                case 0 -> {
                    request.addHeader("Upload-Offset", value);
                    assertThat(TusHeaders.uploadOffset(request)).isNotNegative();
                }
                case 1 -> {
                    request.addHeader("Upload-Length", value);
                    assertThat(TusHeaders.uploadLength(request)).isNotNegative();
                }
                case 2 -> {
                    request.addHeader("Upload-Checksum", value);
                    TusHeaders.checksum(request).ifPresent(c -> assertThat(c.algorithm()).isIn("MD5", "SHA-1", "SHA-256"));
                }
                case 3 -> {
                    request.addHeader("Upload-Concat", value);
                    if (TusHeaders.concat(request) instanceof TusHeaders.Final f) {
                        assertThat(f.partials()).isNotEmpty();
                    }
                }
                default -> {
                    request.addHeader("Upload-Metadata", value);
                    TusHeaders.metadata(request);
                }
            }
        } catch (TusError.TusException e) {
            assertThat(e.error().status()).isBetween(400, 499);
        }
    }
}
