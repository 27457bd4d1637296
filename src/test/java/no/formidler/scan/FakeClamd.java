package no.formidler.scan;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * A clamd that speaks INSTREAM on 127.0.0.1 and answers as told, for the replies and failures a real clamd cannot be
 * made to give on demand. It keeps what it received so tests can check the chunk framing.
 */
final class FakeClamd implements AutoCloseable {

    /** How the fake answers an INSTREAM. */
    enum Behaviour { CLEAN, INFECTED, SIZE_LIMIT, ERROR_REPLY, CLOSE_WITHOUT_REPLY, NEVER_ANSWER }

    static final String VERSION = "ClamAV 1.4.6/27450/Tue Nov 25 09:21:04 2026";
    private final ServerSocket server;
    private final Behaviour behaviour;
    private final long limit;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CountDownLatch closed = new CountDownLatch(1);

    private FakeClamd(Behaviour behaviour, long limit) throws IOException {
        this.behaviour = behaviour;
        this.limit = limit;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "fake-clamd");
        thread.setDaemon(true);
        thread.start();
    }

    static FakeClamd start(Behaviour behaviour) throws IOException {
        return new FakeClamd(behaviour, Long.MAX_VALUE);
    }

    /** Answers {@code INSTREAM size limit exceeded} once more than {@code limit} bytes arrived, and hangs up. */
    static FakeClamd withSizeLimit(long limit) throws IOException {
        return new FakeClamd(Behaviour.SIZE_LIMIT, limit);
    }

    int port() {
        return server.getLocalPort();
    }

    synchronized byte[] received() {
        return received.toByteArray();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                handle(socket);
            } catch (IOException e) {
                // the client went away or the fake was closed: next connection
            }
        }
        closed.countDown();
    }

    private void handle(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        String command = command(in);
        if (command.equals("zVERSION")) {
            reply(out, VERSION);
            return;
        }
        if (!command.equals("zINSTREAM")) {
            reply(out, "UNKNOWN COMMAND");
            return;
        }
        long count = 0;
        while (true) {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                return;
            }
            if (length == 0) {
                break;
            }
            byte[] chunk = in.readNBytes(length);
            count += chunk.length;
            synchronized (this) {
                received.write(chunk);
            }
            if (behaviour == Behaviour.SIZE_LIMIT && count > limit) {
                reply(out, "INSTREAM size limit exceeded. ERROR");
                return; // closing with unread data resets the connection: the client's next write fails
            }
        }
        switch (behaviour) {
            case CLEAN, SIZE_LIMIT -> reply(out, "stream: OK");
            case INFECTED -> reply(out, "stream: Eicar-Test-Signature FOUND");
            case ERROR_REPLY -> reply(out, "Can't allocate memory ERROR");
            case CLOSE_WITHOUT_REPLY -> {
            }
            case NEVER_ANSWER -> {
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static String command(DataInputStream in) throws IOException {
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0) {
            command.write(b);
        }
        return command.toString(StandardCharsets.US_ASCII);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\0").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        closed.countDown();
    }
}
