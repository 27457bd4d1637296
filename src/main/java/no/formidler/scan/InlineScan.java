package no.formidler.scan;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;
import no.formidler.system.FormidlerProperties;
import no.formidler.transfer.StoredFile;
import no.formidler.transfer.TransferLifecycle;
import no.formidler.transfer.UploadAwaitingScan;
import no.formidler.transfer.UploadTarget;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes an upload that was scanned while it streamed in: the stored file, its move to UploadProcessing and the
 * verdict commit together, so a clean file is published right after its last byte. Without a verdict (scanner down,
 * broken off) the transfer stays in UploadProcessing and the background job scans the stored file.
 */
@Service
public class InlineScan {
    private final TransferLifecycle lifecycle;
    private final ScanVerdicts verdicts;
    private final ScanJobRepository jobs;
    private final MalwareScanner scanner;
    private final Clock clock;
    private final FormidlerProperties properties;

    InlineScan(TransferLifecycle lifecycle, ScanVerdicts verdicts, ScanJobRepository jobs, MalwareScanner scanner,
               Clock clock, FormidlerProperties properties) {
        this.properties = properties;
        this.lifecycle = lifecycle;
        this.verdicts = verdicts;
        this.jobs = jobs;
        this.scanner = scanner;
        this.clock = clock;
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

    @Transactional
    public TransferLifecycle.Completion complete(UUID id, StoredFile file, ScanOutcome outcome) {
        TransferLifecycle.Completion completion = lifecycle.completeUpload(id, file);
        if (completion == TransferLifecycle.Completion.PROCESSING && outcome instanceof ScanOutcome.Verdict verdict) {
            verdicts.apply(id, verdict, file.sha256(), clock.instant());
        }
        return completion;
    }

    /** Every stored file that enters UploadProcessing is queued for a background scan in the same transaction. */
    @EventListener
    void queue(UploadAwaitingScan event) {
        if (scanner.scansInProcess()) {
            jobs.enqueue(event.fileTransferId(), clock.instant());
        }
    }
}
