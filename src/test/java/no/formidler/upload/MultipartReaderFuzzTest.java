package no.formidler.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

/**
 * Any Content-Type and body for initialize-and-upload, read as the controller reads it (fields, then the file part as
 * the last): parts, or a {@link MalformedMultipartException}; never another exception, a hang, or more bytes out than
 * went in.
 */
class MultipartReaderFuzzTest {

    // libFuzzer's dictionary syntax: \xNN, \" and \\ are escapes.
    @DictionaryEntries({"multipart/form-data; boundary=", "\\\"", "\\\\", "--", "\\x0D\\x0A", "--b",
            "\\x0D\\x0A--b", "\\x0D\\x0A--b--", "Content-Disposition: ", "form-data", "; name=", "; filename=",
            "Content-Type: ", "FileTransfer", "Content-Transfer-Encoding: binary", ":", ";", " ", "\\x09"})
    @FuzzTest(maxDuration = "5s")
    void anyBodyIsPartsOrRefused(FuzzedDataProvider data) throws Exception {
        String contentType = data.consumeString(100);
        int bufferSize = data.consumeInt(80, 300);
        byte[] body = data.consumeRemainingAsBytes();
        try {
            String boundary = MultipartReader.boundary(contentType);
            assertThat(boundary.length()).isBetween(1, MultipartReader.MAX_BOUNDARY);
            MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), boundary, bufferSize);
            long out = 0;
            for (Optional<MultipartReader.Part> part = reader.next(); part.isPresent(); part = reader.next()) {
                assertThat(part.get().name()).isNotEmpty().doesNotContain("\0", "\r", "\n");
                boolean file = part.get().name().equalsIgnoreCase(MultipartUploadController.FILE_PART);
                try (InputStream in = file ? reader.lastBody() : reader.body()) {
                    out += in.readAllBytes().length;
                }
                if (file) {
                    assertThat(reader.next()).isEmpty();
                    break;
                }
            }
            assertThat(out).isLessThanOrEqualTo(body.length);
        } catch (MalformedMultipartException refused) {
            assertThat(refused.getMessage()).isNotBlank().doesNotContain("java.", "no.formidler");
        }
    }
}
