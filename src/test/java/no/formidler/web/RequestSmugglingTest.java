package no.formidler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import no.formidler.testsupport.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 9: the request-smuggling shapes over a raw loopback socket (docs/security.md). Tomcat refuses
 * {@code Transfer-Encoding} on HTTP/1.0 with 400 itself; {@link RequestFramingValve} refuses the two it accepts
 * (bare-LF line ends, {@code Content-Length} with {@code Transfer-Encoding}). Each refusal closes the connection
 * unread, so bytes smuggled behind the head are never served as a second request.
 */
class RequestSmugglingTest extends ApiTest {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 \\d{3} ");

    @Test
    void contentLengthWithTransferEncodingIsRefusedAndTheConnectionClosesBeforeASmuggledRequest() throws Exception {
        String smuggled = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        String body = "0\r\n\r\n" + smuggled;
        String request = "POST /broker/api/v1/filetransfer HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n"
                + "transfer-encoding: chunked\r\n\r\n" + body;

        assertRefused(exchange(request), RequestFraming.BOTH_LENGTHS);
    }

    @Test
    void bareLineFeedsAreRefusedWhereverTheyEndALine() throws Exception {
        String smuggled = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        for (String head : new String[] {"GET /health HTTP/1.1\nHost: 127.0.0.1\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: 127.0.0.1\nAccept: */*\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\n", "GET /health HTTP/1.1\nHost: 127.0.0.1\n\n"}) {
            assertRefused(exchange(head + smuggled), RequestFraming.BARE_LF);
        }
    }

    @Test
    void aBareLfInTheSecondRequestOnAConnectionIsRefusedAfterTheFirstIsServed() throws Exception {
        Exchange exchange = exchange("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET /health HTTP/1.1\r\nHost: 127.0.0.1\nX: y\r\n\r\n");

        assertThat(exchange.text()).as(exchange.text()).startsWith("HTTP/1.1 200 ").contains(RequestFraming.BARE_LF);
        assertThat(exchange.text().indexOf("HTTP/1.1 400 ")).as("the second answer is the refusal")
                .isGreaterThan(exchange.text().indexOf("Environment properly configured"));
        assertThat(exchange.closedByServer()).isTrue();
    }

    @Test
    void aChunkedBodyWithoutContentLengthIsServed() throws Exception {
        String json = "{}";
        String request = "POST /broker/api/v1/filetransfer HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n";

        Exchange exchange = exchange(request);

        assertThat(exchange.text()).as("the broker answers it (401: no token), not the framing check")
                .startsWith("HTTP/1.1 401 ").doesNotContain("CRLF", "Content-Length and Transfer-Encoding");
    }

    @Test
    void transferEncodingOnAnHttp10RequestIsRefusedBeforeTheBrokerAndTheConnectionCloses() throws Exception {
        // HTTP/1.0 has no chunked coding: a proxy that frames this request by another rule than Tomcat's would
        // see the bytes behind the chunks as a second request. Tomcat refuses it as of 11.0.29 (pom.xml; 11.0.22 let it through).
        String smuggled = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        String request = "POST /broker/api/v1/filetransfer HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled;

        Exchange exchange = exchange(request);

        assertThat(exchange.text()).as(exchange.text()).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Connection: close")
                .as("refused by Tomcat: none of the broker's filters (they add these headers) ran")
                .doesNotContain("X-Content-Type-Options", "traceId");
        assertThat(exchange.closedByServer()).as("the server closes the connection after its answer").isTrue();
        assertThat(STATUS_LINE.matcher(exchange.text()).results().count()).as("the smuggled GET is never served")
                .isEqualTo(1);
    }

    @Test
    void aContentLengthAloneStillKeepsTheConnectionForTheNextRequest() throws Exception {
        String request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n";

        Exchange exchange = exchange(request);

        assertThat(STATUS_LINE.matcher(exchange.text()).results().count()).as("pipelining works: the control")
                .isEqualTo(2);
    }

    private static void assertRefused(Exchange exchange, String why) {
        assertThat(exchange.text()).as(exchange.text()).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Connection: close")
                .contains("application/problem+json", why);
        assertThat(exchange.closedByServer()).as("the server closes the connection after its answer").isTrue();
        assertThat(STATUS_LINE.matcher(exchange.text()).results().count())
                .as("one answer: the smuggled GET is never served\n" + exchange.text()).isEqualTo(1);
        assertThat(exchange.text()).doesNotContain("Environment properly configured");
    }

    private record Exchange(String text, boolean closedByServer) {
    }

    /** Sends {@code request} as is (no {@code Connection: close} added) and reads until the server closes or 10 s pass. */
    private Exchange exchange(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean closed = false;
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException stillOpen) {
                // the server kept the connection open for another request
            } catch (java.net.SocketException reset) {
                closed = true;
            }
            return new Exchange(out.toString(StandardCharsets.US_ASCII), closed);
        }
    }
}
