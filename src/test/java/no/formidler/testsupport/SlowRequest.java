package no.formidler.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request over a raw loopback socket whose body is sent slice by slice at a fixed pace, on a thread of its own: to see
 * what the broker answers while the body is still on its way.
 */
public final class SlowRequest implements AutoCloseable {
    private final Socket socket;
    private final AtomicLong sent = new AtomicLong();
    private final Thread sender;

    private SlowRequest(Socket socket, String head, long length, int slice, Duration pace) throws IOException {
        this.socket = socket;
        OutputStream out = socket.getOutputStream();
        this.sender = new Thread(() -> {
            byte[] bytes = new byte[slice];
            try {
                out.write((head + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                while (sent.get() < length) {
                    int n = (int) Math.min(slice, length - sent.get());
                    out.write(bytes, 0, n);
                    out.flush();
                    sent.addAndGet(n);
                    Thread.sleep(pace.toMillis());
                }
            } catch (IOException | InterruptedException stopped) {
                // the broker answered and closed, or the test is done
            }
        }, "slow-request-body");
        sender.setDaemon(true);
        sender.start();
    }

    /** {@code head}: the request line and headers, without {@code Content-Length} and the final empty line. */
    public static SlowRequest start(int port, String head, long length, int slice, Duration pace) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        return new SlowRequest(socket, head, length, slice, pace);
    }

    /** Body bytes sent so far. */
    public long sent() {
        return sent.get();
    }

    /** Waits for the answer's status line and headers. */
    public String readHead() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** After {@link #readHead}: what has arrived of a small answer body (sent whole right after the head). */
    public String readSmallBody() throws IOException {
        byte[] buffer = new byte[8192];
        int n = socket.getInputStream().read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        sender.interrupt();
        socket.close();
    }
}
