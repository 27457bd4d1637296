package no.formidler.scan;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.io.OutputStream;
import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import no.formidler.storage.BlobNotFoundException;
import no.formidler.storage.BlobStore;
import no.formidler.transfer.FileTransfer;
import no.formidler.transfer.ScanVerdictTarget;
import org.springframework.stereotype.Component;

/**
 * Scans a stored file that waits in UploadProcessing without a verdict (TUS uploads, inline scans cut off by a scanner
 * outage): one attempt per run of its job (jobs/). A scanner that is down or times out gives no verdict; the job then
 * fails and is tried again later, and nothing is published meanwhile.
 */
@Component
public class BackgroundScans {
    private final ScanVerdictTarget transfers;
    private final MalwareScanner scanner;
    private final BlobStore store;
    private final Clock clock;

    BackgroundScans(ScanVerdictTarget transfers, MalwareScanner scanner, BlobStore store, Clock clock) {
        this.transfers = transfers;
        this.scanner = scanner;
        this.store = store;
        this.clock = clock;
    }

    /** False when scanning happens elsewhere (an external scanner posts its verdicts): then there is nothing to run. */
    public boolean scansInProcess() {
        return scanner.scansInProcess();
    }

    /**
     * Scans the transfer's stored file and applies the verdict; nothing to do when it is no longer waiting for one.
     *
     * @throws NoVerdictException when the scanner could not be used: try again later
     */
    public void scan(UUID fileTransferId) {
        Optional<FileTransfer> transfer = transfers.awaitingVerdict(fileTransferId);
        if (transfer.isEmpty()) {
            return;
        }
        ScanOutcome outcome;
        String sha256 = null;
        try (ScanSession session = scanner.open()) {
            FileTransfer t = transfer.get();
            // Only the SHA-256 is compared: the MD5 that FileDigests computes as well would be thrown away.
            MessageDigest digest = sha256();
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
        }
        if (!(outcome instanceof ScanOutcome.Verdict verdict)) {
            throw new NoVerdictException(outcome instanceof ScanOutcome.Unavailable u ? u.reason() : outcome.toString());
        }
        transfers.apply(fileTransferId, verdict.about(sha256, clock.instant()));
    }

    /** No verdict this time (scanner down, timed out, file unreadable): the transfer keeps waiting. */
    public static final class NoVerdictException extends RuntimeException {
        public NoVerdictException(String reason) {
            super(reason, null, false, false); // an expected outcome: the reason says it all, a stack trace would not
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
