package no.formidler.scan;

import java.time.Clock;
import java.util.UUID;
import no.formidler.transfer.StoredFile;
import no.formidler.transfer.TransferLifecycle;
import no.formidler.transfer.UploadAwaitingScan;
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

    InlineScan(TransferLifecycle lifecycle, ScanVerdicts verdicts, ScanJobRepository jobs, MalwareScanner scanner,
               Clock clock) {
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
