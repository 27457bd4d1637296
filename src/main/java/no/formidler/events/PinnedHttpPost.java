package no.formidler.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.security.NoSuchAlgorithmException;

/**
 * One HTTP/1.1 POST to the address the guard checked, not to whatever the host name resolves to by then: the JDK's
 * HttpClient resolves names itself and has no hook to pin an address. TLS still verifies the certificate against the
 * host name (and sends it as SNI). Only the status line of the answer is read; redirects are never followed.
 */
final class PinnedHttpPost {
    private static final int MAX_STATUS_LINE = 8 * 1024;
    private final Duration connectTimeout;
    private final Duration timeout;

    PinnedHttpPost(Duration connectTimeout, Duration timeout) {
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
    }

    /** The status code the endpoint answered. */
    int post(EndpointGuard.Endpoint endpoint, String contentType, byte[] body, String... headers) throws IOException {
        var uri = endpoint.uri();
        boolean https = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(endpoint.address(), port), (int) connectTimeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            Socket socket = https ? tls(plain, uri.getHost(), port) : plain;
            OutputStream out = socket.getOutputStream();
            out.write(head(uri, port, https, contentType, body.length, headers).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return status(socket.getInputStream(), deadline);
        }
    }

    private static String head(java.net.URI uri, int port, boolean https, String contentType, int length, String... headers) {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        boolean defaultPort = port == (https ? 443 : 80);
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        StringBuilder head = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static Socket tls(Socket plain, String host, int port) throws IOException {
        try {
            SSLSocket socket = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(plain, host, port, false);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!host.contains(":") && !host.matches("[0-9.]+")) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("No TLS in this JVM", e);
        }
    }

    private static int status(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0 || line.size() > MAX_STATUS_LINE) {
                throw new IOException("The endpoint sent no HTTP status line");
            }
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("The endpoint answered too slowly");
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1).trim();
        if (!text.matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
            throw new IOException("The endpoint did not answer HTTP/1.1");
        }
        return Integer.parseInt(text.substring(9, 12));
    }
}
