package no.formidler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestFramingTest {

    @Test
    void aWellFramedHeadWithItsBodyBehindIsFine() {
        assertThat(judge("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nab\ncd")).isEmpty();
        assertThat(judge("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\nabcd")).isEmpty();
    }

    @Test
    void aBareLfEndingAnyLineIsRefused() {
        assertThat(judge("GET / HTTP/1.1\nHost: a\r\n\r\n")).contains(RequestFraming.BARE_LF);
        assertThat(judge("GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n")).contains(RequestFraming.BARE_LF);
        assertThat(judge("GET / HTTP/1.1\r\nHost: a\r\n\n")).contains(RequestFraming.BARE_LF);
        assertThat(judge("GET / HTTP/1.1\r\nHost: a\r\r\n\r\n"))
                .as("a CR before the CRLF is the header parser's business, not a bare LF").isEmpty();
    }

    @Test
    void contentLengthWithTransferEncodingIsRefusedInAnyCaseAndOrder() {
        assertThat(judge("POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"))
                .contains(RequestFraming.BOTH_LENGTHS);
        assertThat(judge("POST / HTTP/1.1\r\ntransfer-ENCODING: chunked\r\ncontent-length:5\r\n\r\n"))
                .contains(RequestFraming.BOTH_LENGTHS);
    }

    @Test
    void namesThatOnlyBeginLikeTheFramingHeadersDoNotCount() {
        assertThat(judge("POST / HTTP/1.1\r\nContent-Length-X: 5\r\nTransfer-Encoding: chunked\r\n\r\n")).isEmpty();
        assertThat(judge("POST / HTTP/1.1\r\nX-Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n")).isEmpty();
        assertThat(judge("POST / HTTP/1.1\r\nX: Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n")).isEmpty();
    }

    @Test
    void theHeadIsJudgedFromWhereItStartsAndOnlyUpToItsEmptyLine() {
        byte[] bytes = "stale\nGET / HTTP/1.1\r\nHost: a\r\n\r\nContent-Length: 1\nTransfer-Encoding: x\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(RequestFraming.refusal(bytes, 6, bytes.length)).isEmpty();
    }

    @Test
    void withoutAnEmptyLineThereIsNoHeadToJudge() {
        assertThat(judge("GET / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n")).isEmpty();
        assertThat(judge("GET / HTTP/1.1\r\nHost: a")).isEmpty();
    }

    private static Optional<String> judge(String head) {
        byte[] bytes = head.getBytes(StandardCharsets.US_ASCII);
        return RequestFraming.refusal(bytes, 0, bytes.length);
    }
}
