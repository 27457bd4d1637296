package no.formidler.scan;

import java.io.IOException;
import java.io.InputStream;
import no.formidler.storage.ObservedInputStream;

/**
 * One scan of one stream: bytes are written as they pass, the verdict is asked for after the last one. A scanner that
 * fails on the way does not disturb the stream's reader: the session then ends {@link ScanOutcome.Unavailable}.
 */
public interface ScanSession extends AutoCloseable {

    /**
     * Passes bytes to the scanner.
     *
     * @throws ScanSizeLimitExceededException when the stream has become larger than the scanner accepts
     */
    void write(byte[] buffer, int offset, int length) throws ScanSizeLimitExceededException;

    /** Ends the stream and waits for the scanner's answer. */
    ScanOutcome finish();

    @Override
    void close();

    /** {@code in}, with every byte read from it also written to this session (the file is read once). */
    default InputStream tee(InputStream in) {
        return new ObservedInputStream(in) {
            @Override
            protected void observe(byte[] buffer, int offset, int length) throws ScanSizeLimitExceededException {
                write(buffer, offset, length);
            }
        };
    }

    /** A session whose outcome is fixed from the start (scanner unreachable, or scanning done elsewhere). */
    static ScanSession of(ScanOutcome outcome) {
        return new ScanSession() {
            @Override
            public void write(byte[] buffer, int offset, int length) {
            }

            @Override
            public ScanOutcome finish() {
                return outcome;
            }

            @Override
            public void close() {
            }
        };
    }

    /** The stream is larger than the scanner accepts; storing it stops here. */
    final class ScanSizeLimitExceededException extends IOException {
        private final transient ScanOutcome.Verdict verdict;

        public ScanSizeLimitExceededException(ScanOutcome.Verdict verdict) {
            super(verdict.detail());
            this.verdict = verdict;
        }

        public ScanOutcome.Verdict verdict() {
            return verdict;
        }
    }
}
