package no.formidler.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.formidler.storage.BlobNotFoundException;
import no.formidler.storage.BlobStore;
import no.formidler.system.FormidlerProperties;
import java.util.UUID;
import no.formidler.transfer.FileTransfer;
import no.formidler.transfer.ScanSchedule;
import no.formidler.transfer.ScanVerdictTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Scans stored files that are waiting in UploadProcessing without a verdict (TUS uploads, inline scans cut off by a
 * scanner outage). Jobs are claimed through the database, so several nodes share the work; a scanner that is down or
 * times out is retried with exponential backoff, and nothing is published meanwhile.
 */
@Component
class BackgroundScans implements SmartLifecycle, ScanSchedule {
    private static final Logger log = LoggerFactory.getLogger(BackgroundScans.class);
    private static final int BATCH = 4;
    private final ScanJobRepository jobs;
    private final ScanVerdictTarget transfers;
    private final MalwareScanner scanner;
    private final BlobStore store;
    private final FormidlerProperties.Scan settings;
    private final Clock clock;
    private ScheduledExecutorService executor;

    BackgroundScans(ScanJobRepository jobs, ScanVerdictTarget transfers, MalwareScanner scanner, BlobStore store,
                    FormidlerProperties properties, Clock clock) {
        this.jobs = jobs;
        this.transfers = transfers;
        this.scanner = scanner;
        this.store = store;
        this.settings = properties.scan();
        this.clock = clock;
    }

    @Override
    public void scanStoredFile(UUID fileTransferId) {
        if (scanner.scansInProcess()) {
            jobs.enqueue(fileTransferId, clock.instant());
        }
    }

    /** Scans the jobs that are due now; returns how many were claimed. */
    int runDue() {
        Instant now = clock.instant();
        Duration lease = settings.clamd().connectTimeout().plus(settings.clamd().timeout()).plusMinutes(1);
        List<ScanJobRepository.Job> claimed = jobs.claim(now, now.plus(lease), BATCH);
        claimed.forEach(this::scan);
        return claimed.size();
    }

    private void scan(ScanJobRepository.Job job) {
        Optional<FileTransfer> transfer = transfers.awaitingVerdict(job.fileTransferId());
        if (transfer.isEmpty()) {
            jobs.delete(job.fileTransferId());
            return;
        }
        ScanOutcome outcome;
        String sha256 = null;
        try (ScanSession session = scanner.open()) {
            FileTransfer t = transfer.get();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = session.tee(new DigestInputStream(store.read(t.fileLocation().orElseThrow(), 0, t.fileSize()), digest))) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            outcome = session.finish();
            sha256 = HexFormat.of().formatHex(digest.digest());
            if (outcome instanceof ScanOutcome.Verdict verdict && t.sha256().isPresent()
                    && !t.sha256().get().equalsIgnoreCase(sha256)) {
                // The scanner saw other bytes than were uploaded: its verdict says nothing about the upload.
                outcome = new ScanOutcome.Verdict(ScanResult.NotScanned,
                        "The stored file's SHA-256 differs from the uploaded file's.", verdict.scanner());
            }
        } catch (ScanSession.ScanSizeLimitExceededException e) {
            outcome = e.verdict();
        } catch (BlobNotFoundException | NoSuchElementException e) {
            outcome = new ScanOutcome.Verdict(ScanResult.NotScanned, "The stored file is missing.", new ScannerIdentity("clamd", null, null));
        } catch (IOException e) {
            outcome = new ScanOutcome.Unavailable("Reading the stored file failed: " + e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (outcome instanceof ScanOutcome.Verdict verdict) {
            transfers.apply(job.fileTransferId(), verdict.about(sha256, clock.instant()));
            jobs.delete(job.fileTransferId());
        } else {
            String reason = outcome instanceof ScanOutcome.Unavailable u ? u.reason() : outcome.toString();
            Instant retry = clock.instant().plus(backoff(job.attempts(), settings.retryBackoff(), settings.maxRetryBackoff()));
            log.warn("No malware verdict for transfer {} (attempt {}), retrying at {}: {}", job.fileTransferId(),
                    job.attempts(), retry, reason);
            jobs.retryAt(job.fileTransferId(), retry, reason);
        }
    }

    /** {@code initial}, doubled per failed attempt after the first, at most {@code max}. */
    static Duration backoff(int attempts, Duration initial, Duration max) {
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private void runSafely() {
        try {
            while (runDue() == BATCH) {
                // more may be due: keep going until the queue is drained
            }
        } catch (RuntimeException e) {
            log.error("Background malware scans failed; trying again in {}", settings.pollInterval(), e);
        }
    }

    @Override
    public void start() {
        if (!scanner.scansInProcess()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "background-scans"));
        executor.scheduleWithFixedDelay(this::runSafely, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
