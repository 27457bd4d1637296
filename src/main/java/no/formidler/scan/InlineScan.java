package no.formidler.scan;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import no.formidler.system.FormidlerProperties;
import no.formidler.transfer.ScanVerdict;
import no.formidler.transfer.StoredFile;
import no.formidler.transfer.UploadTarget;
import org.springframework.stereotype.Service;

/**
 * Scans an upload while it streams in. Its verdict goes with the stored file to the upload's completion, so a clean
 * file is published right after its last byte. Without a verdict (scanner down, broken off) the transfer waits in
 * UploadProcessing and the stored file is scanned in the background.
 */
@Service
public class InlineScan {
    private final MalwareScanner scanner;
    private final Clock clock;
    private final FormidlerProperties properties;

    InlineScan(MalwareScanner scanner, Clock clock, FormidlerProperties properties) {
        this.scanner = scanner;
        this.clock = clock;
        this.properties = properties;
    }

    /** A scan session for an upload that needs one (a no-op session otherwise). */
    public ScanSession open(boolean requiresScan) {
        return requiresScan && scanner.scansInProcess() ? scanner.open() : ScanSession.of(new ScanOutcome.Deferred());
    }

    /** The status text for an upload of unknown length that ran past {@code maxSize}. */
    public String sizeExceededText(UploadTarget target) {
        OptionalLong limit = properties.scannerStreamLimit();
        if (target.requiresScan() && limit.isPresent() && limit.getAsLong() == target.maxSize()) {
            return "File size exceeds maximum: the malware scanner accepts at most " + limit.getAsLong() + " bytes";
        }
        return "File size exceeds maximum";
    }

    /** The verdict of an inline scan, for the upload's completion; empty when the scan gave none. */
    public Optional<ScanVerdict> verdict(ScanOutcome outcome, StoredFile file) {
        return outcome instanceof ScanOutcome.Verdict verdict
                ? Optional.of(verdict.about(file.sha256(), clock.instant())) : Optional.empty();
    }
}
