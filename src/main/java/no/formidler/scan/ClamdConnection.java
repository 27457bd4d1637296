package no.formidler.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection to clamd, over TCP or a Unix socket, speaking its null-terminated ({@code z}) commands. Every blocking
 * step has a deadline: a watchdog closes the channel when it passes, which unblocks the waiting read or write.
 */
final class ClamdConnection implements AutoCloseable {
    private static final int MAX_REPLY = 8 * 1024;
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
    private final SocketChannel channel;
    private final AtomicBoolean timedOut = new AtomicBoolean();

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "clamd-deadlines");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true); // a deadline per write: met ones must not pile up in the queue
        return executor;
    }

    private ClamdConnection(SocketChannel channel) {
        this.channel = channel;
    }

    /** Where clamd listens: a Unix socket when {@code socket} is set, else TCP. */
    record Address(String host, int port, Path socket) {
        SocketAddress socketAddress() {
            return socket != null ? UnixDomainSocketAddress.of(socket) : new InetSocketAddress(host, port);
        }

        @Override
        public String toString() {
            return socket != null ? socket.toString() : host + ":" + port;
        }
    }

    static ClamdConnection open(Address address, Duration timeout) throws IOException {
        SocketChannel channel = address.socket() != null ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        ClamdConnection connection = new ClamdConnection(channel);
        connection.withDeadline(timeout, () -> {
            channel.connect(address.socketAddress());
            return null;
        });
        return connection;
    }

    /** Sends a command such as {@code zINSTREAM}; the terminating NUL is added. */
    void command(String command, Duration timeout) throws IOException {
        write(ByteBuffer.wrap((command + "\0").getBytes(StandardCharsets.US_ASCII)), timeout);
    }

    /** Sends one INSTREAM chunk: its length as a 4-byte big-endian integer, then the bytes (length 0 ends the stream). */
    void chunk(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4).putInt(length).flip();
        ByteBuffer body = ByteBuffer.wrap(buffer, offset, length);
        withDeadline(timeout, () -> {
            while (header.hasRemaining() || body.hasRemaining()) {
                channel.write(new ByteBuffer[] {header, body});
            }
            return null;
        });
    }

    /** Reads a reply up to its NUL (or to the end of the connection); empty when clamd closed without answering. */
    String reply(Duration timeout) throws IOException {
        return withDeadline(timeout, () -> {
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(512);
            while (reply.size() < MAX_REPLY) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer.get(i);
                    if (b == 0) {
                        return reply.toString(StandardCharsets.US_ASCII).trim();
                    }
                    reply.write(b);
                }
            }
            return reply.toString(StandardCharsets.US_ASCII).trim();
        });
    }

    private void write(ByteBuffer buffer, Duration timeout) throws IOException {
        withDeadline(timeout, () -> {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            return null;
        });
    }

    private interface Io<T> {
        T run() throws IOException;
    }

    private <T> T withDeadline(Duration timeout, Io<T> io) throws IOException {
        ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            close();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return io.run();
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new IOException("clamd did not answer within " + timeout, e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a broken connection: nothing more to do
        }
    }
}
