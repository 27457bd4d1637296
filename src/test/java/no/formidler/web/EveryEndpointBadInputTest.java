package no.formidler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.RawHttp;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Every endpoint Spring knows (so a new one is covered without editing this test), called by authorized callers with
 * hostile input: broken JSON, huge numbers, wrong types, NUL, bad %-encoding, bad ids in the path, oversize and odd
 * headers, odd content types. The broker may refuse any of it, but never with a 5xx.
 */
class EveryEndpointBadInputTest extends ApiTest {
    private static final String ALL_SCOPES = String.join(" ", Scenario.WRITE, Scenario.READ, Scenario.SERVICE_OWNER,
            "altinn:events.subscribe");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");
    private static final List<String> BAD_SEGMENTS = List.of("not-a-guid", "%zz", "%00", "..%2f..%2fetc%2fpasswd",
            "00000000-0000-0000-0000-00000000000g", "%c0%ae%c0%ae", "a".repeat(3000), "%ed%a0%80");
    private static final List<String> BAD_QUERIES = List.of("x=%", "x=%zz&%00=1", "page=99999999999999999999&size=-1",
            "resourceId=%00&status=bogus&from=not-a-date&to=9999999999999999999&after=%ff");
    private static final String DEEP = "[".repeat(5000) + "]".repeat(5000);
    private static final List<Body> BAD_BODIES = List.of(
            new Body("application/json", ""),
            new Body("application/json", "{"),
            new Body("application/json", "[]"),
            new Body("application/json", "null"),
            new Body("application/json", "99999999999999999999999999999999999999"),
            new Body("application/json", "{\"a\":1e999999999}"),
            new Body("application/json", DEEP),
            new Body("application/json", """
                    {"fileName":"\\u0000","resourceId":7,"recipients":[null,{}],"propertyList":{"\\ud800":1},
                     "maxFileTransferSize":1e400,"fileTransferTimeToLive":"P2147483648D","rules":[null,{"subjects":7}],
                     "addresses":[null],"endPoint":[],"language":{},"name":null,"members":"x","enabled":"yes",
                     "reason":99999999999999999999,"date":"2026-13-45","from":"x","orgNo":"%00"}"""),
            new Body("application/json; charset=no-such-charset", "{}"),
            new Body("application/json;;=;", "{}"),
            new Body("multipart/form-data", "--x\r\n"),
            new Body("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data\r\n\r\nv\r\n--x--\r\n"),
            new Body("application/offset+octet-stream", "\0\1\2\3"),
            new Body("text/plain", "\u0000"));
    private static final List<String> BAD_HEADERS = List.of(
            "X-Big: " + "a".repeat(20_000),
            "Range: bytes=99999999999999999999-",
            "Tus-Resumable: 1.0.0\r\nUpload-Offset: -1\r\nUpload-Length: 99999999999999999999\r\nUpload-Metadata: filename %%%",
            "Upload-Concat: final;/broker/api/v1/upload/%zz\r\nTus-Resumable: 1.0.0",
            "Accept: application/\u0001\r\nIf-Modified-Since: not-a-date\r\nIf-None-Match: \"\u0000\"",
            "Content-Length: -5",
            "Ocp-Apim-Subscription-Key: \u00ff\u00ff");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private record Body(String contentType, String text) {
    }

    private record Endpoint(String method, String pattern, boolean streaming) {
    }

    @Test
    void noHostileInputToAnyEndpointIsAnsweredWithA5xx() {
        Scenario s = scenario().ready();
        String published = s.publish("hello".getBytes());
        List<String> tokens = List.of(
                s.issuer.enterprise(s.owner, ALL_SCOPES),
                s.issuer.enterprise(s.sender, ALL_SCOPES),
                s.issuer.enterprise(s.recipient1, ALL_SCOPES));
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints) {
            String path = fill(endpoint.pattern(), s.resourceId, published);
            // Each hostile input once, by the three callers in turn (owner, sender, recipient), so every rule is reached.
            int turn = 0;
            for (String bad : BAD_SEGMENTS) {
                sent += send(failures, endpoint, badPath(endpoint.pattern(), bad, s.resourceId, published),
                        tokens.get(turn++ % 3), null, "");
            }
            for (String query : BAD_QUERIES) {
                sent += send(failures, endpoint, path + "?" + query, tokens.get(turn++ % 3), null, "");
            }
            for (Body body : BAD_BODIES) {
                sent += send(failures, endpoint, path, tokens.get(turn++ % 3), body, "");
            }
            for (String header : BAD_HEADERS) {
                sent += send(failures, endpoint, path, tokens.get(turn++ % 3), null, header);
            }
        }
        assertThat(sent).isGreaterThan(1000);
        System.out.println("EveryEndpointBadInputTest: " + endpoints.size() + " endpoints, " + sent + " requests");
        assertThat(failures).as("requests answered with a 5xx (or not at all), of " + sent).isEmpty();
    }

    /** Every handler method and HTTP method; an endpoint without a method restriction is tried with GET and POST. */
    private List<Endpoint> endpoints() {
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            boolean streaming = info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM)
                    || ResponseBodyEmitter.class.isAssignableFrom(((HandlerMethod) entry.getValue()).getReturnType().getParameterType());
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> names = methods.isEmpty() ? List.of("GET", "POST") : methods.stream().map(Enum::name).toList();
            for (String pattern : info.getPatternValues()) {
                for (String method : names) {
                    endpoints.add(new Endpoint(method, pattern, streaming));
                }
            }
        }
        return List.copyOf(endpoints);
    }

    private static String fill(String pattern, String resourceId, String transferId) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(valueFor(m.group(1), resourceId, transferId)));
        }
        return m.appendTail(path).toString();
    }

    private static String badPath(String pattern, String bad, String resourceId, String transferId) {
        String path = VARIABLE.matcher(pattern).replaceFirst(Matcher.quoteReplacement(bad));
        return path.equals(pattern) ? pattern + "/" + bad : fill(path, resourceId, transferId);
    }

    private static String valueFor(String variable, String resourceId, String transferId) {
        String name = variable.toLowerCase();
        if (name.contains("resource")) {
            return resourceId;
        }
        return name.contains("transfer") || name.equals("id") ? transferId : UUID.randomUUID().toString();
    }

    private int send(List<String> failures, Endpoint endpoint, String target, String token, Body body, String headers) {
        String bytes = body == null ? "" : body.text();
        StringBuilder head = new StringBuilder(endpoint.method() + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAuthorization: Bearer " + token);
        if (body != null) {
            head.append("\r\nContent-Type: ").append(body.contentType());
        }
        if (!headers.contains("Content-Length")) {
            head.append("\r\nContent-Length: ").append(bytes.getBytes(StandardCharsets.UTF_8).length);
        }
        if (!headers.isEmpty()) {
            head.append("\r\n").append(headers);
        }
        RawHttp.Answer answer;
        try {
            answer = exchange(head + "\r\nConnection: close\r\n\r\n" + bytes, endpoint.streaming());
        } catch (IOException e) {
            failures.add(endpoint.method() + " " + shorten(target) + " [" + shorten(headers) + "]: " + e);
            return 1;
        }
        if (answer.status() >= 500 || answer.status() < 100) {
            failures.add("%s %s [%s] [%s] → %d %s".formatted(endpoint.method(), shorten(target),
                    body == null ? "" : body.contentType() + " " + shorten(body.text()), shorten(headers), answer.status(),
                    shorten(answer.body())));
        }
        return 1;
    }

    /**
     * One request on its own connection; the answer read to its end, or only to the end of its headers for an event
     * stream (which stays open). No answer within 10 s counts as a failure: a hang is no better than a 500.
     */
    private RawHttp.Answer exchange(String request, boolean streaming) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    if (streaming && out.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        break;
                    }
                }
            } catch (SocketException reset) {
                // a server may reset after answering a request it refuses; what arrived is the answer
            }
            String text = out.toString(StandardCharsets.UTF_8);
            return new RawHttp.Answer(text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1, text);
        }
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
