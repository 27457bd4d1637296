package no.formidler.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes exactly as given, for requests no well-behaved client would build (broken %-encoding, bare LF, both
 * {@code Content-Length} and {@code Transfer-Encoding}). Loopback only; the connection is closed after one answer.
 */
public final class RawHttp {
    private RawHttp() {
    }

    public record Answer(int status, String text) {
        public String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }

    /** {@code head} is the request line and headers without the final empty line; {@code Connection: close} is added. */
    public static Answer send(int port, String head, String body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            String request = head + "\r\nConnection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String text = readAll(socket.getInputStream());
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Answer(status, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Answer get(int port, String target, String... headers) {
        StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port);
        for (String header : headers) {
            head.append("\r\n").append(header);
        }
        return send(port, head.toString(), "");
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // the server may reset after answering a request it refuses; what arrived is the answer
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
