package no.formidler.scan;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans with clamd's INSTREAM command: {@code zINSTREAM\0}, chunks of {@code <uint32 length><bytes>}, a zero-length
 * chunk, then one reply ({@code stream: OK}, {@code stream: <name> FOUND}, or {@code ... ERROR}). At its StreamMaxLength
 * clamd answers {@code INSTREAM size limit exceeded. ERROR} and closes the socket, so a failed write is followed by a
 * read of that reply (the clamd protocol as documented in clamd(8); the tests run a real clamd, README, "Building and testing").
 */
public final class ClamdScanner implements MalwareScanner {
    private static final Logger log = LoggerFactory.getLogger(ClamdScanner.class);
    private static final int CHUNK_SIZE = 64 * 1024;
    private final ClamdConnection.Address address;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final long streamLimit;

    ClamdScanner(ClamdConnection.Address address, Duration connectTimeout, Duration timeout, long streamLimit) {
        this.address = address;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.streamLimit = streamLimit;
    }

    @Override
    public boolean scansInProcess() {
        return true;
    }

    @Override
    public ScanSession open() {
        ClamdConnection connection = null;
        try {
            connection = ClamdConnection.open(address, connectTimeout);
            connection.command("zINSTREAM", timeout);
            return new Session(connection);
        } catch (IOException e) {
            if (connection != null) {
                connection.close();
            }
            return ScanSession.of(new ScanOutcome.Unavailable("clamd at " + address + " could not be reached: " + e.getMessage()));
        }
    }

    /** clamd's engine and signature versions ({@code ClamAV 1.4.6/27450/<date>}); unknown parts stay null. */
    ScannerIdentity identity() {
        try (ClamdConnection connection = ClamdConnection.open(address, connectTimeout)) {
            connection.command("zVERSION", connectTimeout);
            String[] parts = connection.reply(connectTimeout).split("/");
            return new ScannerIdentity("clamd", blankToNull(parts[0]), parts.length > 2 ? blankToNull(parts[1]) : null);
        } catch (IOException e) {
            log.warn("Could not read clamd's version from {}: {}", address, e.toString());
            return new ScannerIdentity("clamd", null, null);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private ScanOutcome.Verdict tooLarge() {
        return new ScanOutcome.Verdict(ScanResult.TooLarge, "It accepts at most " + streamLimit + " bytes.", identity());
    }

    /** Reads a reply into an outcome; only {@code stream: OK} after the whole stream is a clean verdict. */
    ScanOutcome outcome(String reply, String writeError) {
        if (reply.isEmpty()) {
            return new ScanOutcome.Unavailable("clamd closed the connection without a verdict"
                    + (writeError == null ? "" : " (" + writeError + ")"));
        }
        String answer = reply.startsWith("stream: ") ? reply.substring("stream: ".length()) : reply;
        if (answer.equals("OK")) {
            return new ScanOutcome.Verdict(ScanResult.Clean, null, identity());
        }
        if (answer.endsWith(" FOUND")) {
            return new ScanOutcome.Verdict(ScanResult.Infected, answer.substring(0, answer.length() - " FOUND".length()), identity());
        }
        if (answer.contains("size limit exceeded")) {
            return tooLarge();
        }
        return new ScanOutcome.Unavailable("clamd answered: " + reply);
    }

    /** One INSTREAM scan over its own connection. */
    private final class Session implements ScanSession {
        private final ClamdConnection connection;
        private final byte[] pending = new byte[CHUNK_SIZE];
        private int pendingLength;
        private long count;
        private String writeError;
        private ScanOutcome early;

        Session(ClamdConnection connection) {
            this.connection = connection;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws ScanSizeLimitExceededException {
            count += length;
            if (count > streamLimit) {
                close();
                throw new ScanSizeLimitExceededException(tooLarge());
            }
            while (length > 0 && writeError == null) {
                int n = Math.min(length, pending.length - pendingLength);
                System.arraycopy(buffer, offset, pending, pendingLength, n);
                pendingLength += n;
                offset += n;
                length -= n;
                if (pendingLength == pending.length) {
                    send();
                }
            }
        }

        /** Sends the buffered bytes as one chunk; request bodies arrive in small reads, clamd is better fed in large ones. */
        private void send() throws ScanSizeLimitExceededException {
            if (pendingLength == 0 || writeError != null) {
                return;
            }
            try {
                connection.chunk(pending, 0, pendingLength, timeout);
                pendingLength = 0;
            } catch (IOException e) {
                writeError = e.toString();
                early = readOutcome();
                if (early instanceof ScanOutcome.Verdict verdict && verdict.result() == ScanResult.TooLarge) {
                    throw new ScanSizeLimitExceededException(verdict);
                }
            }
        }

        @Override
        public ScanOutcome finish() {
            try {
                send();
            } catch (ScanSizeLimitExceededException e) {
                return e.verdict();
            }
            if (early != null) {
                // An answer before the stream ended is about part of the file: only a refusal is believable.
                return early instanceof ScanOutcome.Verdict verdict && !verdict.clean() ? early
                        : new ScanOutcome.Unavailable("clamd broke off the stream: " + writeError);
            }
            try {
                connection.chunk(new byte[0], 0, 0, timeout);
            } catch (IOException e) {
                writeError = e.toString();
            }
            return readOutcome();
        }

        private ScanOutcome readOutcome() {
            try {
                return outcome(connection.reply(timeout), writeError);
            } catch (IOException e) {
                return new ScanOutcome.Unavailable("clamd gave no verdict: " + e.getMessage());
            } finally {
                connection.close();
            }
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
