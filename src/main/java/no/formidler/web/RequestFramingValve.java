package no.formidler.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.buf.ByteChunk;
import org.apache.tomcat.util.buf.MessageBytes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17, finding 9: refuses with 400 and {@code Connection: close} a request whose head has a bare-LF line end or
 * both {@code Content-Length} and {@code Transfer-Encoding}, before anything reads its body. Tomcat has no setting for
 * either: it parses bare LF as a line end and drops {@code Content-Length} before a valve sees the request. It does
 * parse the head in place in its input buffer, where the request URI still points when this valve runs and where the
 * line ends are never rewritten, so this valve judges those bytes ({@link RequestFraming}).
 * {@code web.RequestSmugglingTest} fails if a Tomcat upgrade changes that.
 */
final class RequestFramingValve extends ValveBase {
    private final JsonMapper json;

    RequestFramingValve(JsonMapper json) {
        super(true);
        this.json = json;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        Optional<String> refusal = refusal(request.getCoyoteRequest());
        if (refusal.isEmpty()) {
            getNext().invoke(request, response);
            return;
        }
        response.setStatus(400);
        response.setHeader("Connection", "close");
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), Problems.of(400, refusal.get(), request));
        response.flushBuffer();
        // Neither framing can be trusted, so the body is not read: Tomcat closes the connection after this answer.
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }

    private static Optional<String> refusal(org.apache.coyote.Request request) {
        MessageBytes uri = request.requestURI();
        if (uri.getType() != MessageBytes.T_BYTES || !request.protocol().toString().startsWith("HTTP/1.")) {
            return Optional.empty();
        }
        ByteChunk chunk = uri.getByteChunk();
        byte[] bytes = chunk.getBuffer();
        int lineStart = chunk.getStart();
        while (lineStart > 0 && bytes[lineStart - 1] != '\n') {
            lineStart--;
        }
        // The request line must be where it was looked for: otherwise there is no head here to judge.
        byte[] method = (request.getMethod() + " ").getBytes(StandardCharsets.US_ASCII);
        boolean found = lineStart + method.length <= bytes.length
                && Arrays.equals(bytes, lineStart, lineStart + method.length, method, 0, method.length);
        return found ? RequestFraming.refusal(bytes, lineStart, bytes.length) : Optional.empty();
    }
}
