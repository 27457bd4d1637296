/**
 * Malware scanning, the scan step of upload → store → scan → publish → event: this package decides verdicts, never
 * statuses. {@link no.formidler.scan.InlineScan} scans an upload while it streams in, and its verdict goes with the
 * stored file to {@code transfer.TransferLifecycle.completeUpload}; without one, the transfer waits in UploadProcessing
 * and {@link no.formidler.scan.BackgroundScans} (a db-scheduler task, jobs/) or the external scanner's webhook
 * ({@link no.formidler.scan.MalwareScanWebhookController}) hands the verdict to {@code transfer.ScanVerdictTarget}.
 */
package no.formidler.scan;
