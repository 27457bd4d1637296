package no.formidler.scan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import no.formidler.transfer.ScanHistory.ScanRecordView;
import no.formidler.transfer.ScanVerdict;

/** What came of scanning a stream: a verdict, or none because the scanner could not be used (retry later). */
public sealed interface ScanOutcome {

    /**
     * A decision about the bytes.
     *
     * @param detail the signature found (Infected), or why the file was not scanned; null when clean
     */
    record Verdict(ScanResult result, String detail, ScannerIdentity scanner) implements ScanOutcome {
        public boolean clean() {
            return result == ScanResult.Clean;
        }

        /** The transfer's status text when the verdict fails it: names the signature, never dumps raw replies. */
        public String failureText() {
            return switch (result) {
                case Clean -> throw new IllegalStateException("A clean file does not fail");
                case Infected -> "Malware scan failed: Malicious. Found: " + detail;
                case TooLarge -> "Malware scan failed: the file is larger than the malware scanner accepts. " + detail;
                case NotScanned -> "Malware scan failed: Not scanned. Reason: " + detail;
            };
        }

        /**
         * This verdict as the transfer applies and keeps it.
         *
         * @param sha256  of the bytes the scanner saw, when known
         * @param scanned when the scanner finished
         */
        public ScanVerdict about(String sha256, Instant scanned) {
            return new ScanVerdict(clean() ? Optional.empty() : Optional.of(failureText()),
                    new ScanRecordView(scanner.scanner(), scanner.engineVersion(), scanner.signatureVersion(),
                            result.name(), detail, sha256, OffsetDateTime.ofInstant(scanned, ZoneOffset.UTC)));
        }
    }

    /** The scanner was down, timed out or broke off: no verdict, so nothing is published. */
    record Unavailable(String reason) implements ScanOutcome {
    }

    /** Scanning happens elsewhere (an external scanner posts its verdict to the webhook). */
    record Deferred() implements ScanOutcome {
    }
}
