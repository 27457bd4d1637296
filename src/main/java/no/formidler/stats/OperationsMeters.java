package no.formidler.stats;

/**
 * The names of Formidler's own meters, in one place so that features register theirs under the names operators
 * already scrape (docs/operations.md has the table). Micrometer writes {@code formidler.upload.bytes} as
 * {@code formidler_upload_bytes_total} in Prometheus.
 */
public final class OperationsMeters {
    /** Gauge, tag {@code status}: transfers in each status now. */
    public static final String TRANSFERS = "formidler.transfers";
    /** Gauge: transfers in UploadStarted over 24 h or in UploadProcessing over 15 min (docs/compatibility.md §6). */
    public static final String STUCK_TRANSFERS = "formidler.transfers.stuck";
    /** Counter: file bytes received by upload endpoints (streamed, multipart, TUS). */
    public static final String UPLOAD_BYTES = "formidler.upload.bytes";
    /** Counter: file bytes sent by the download endpoint. */
    public static final String DOWNLOAD_BYTES = "formidler.download.bytes";
    /** Timer, tags {@code kind}, {@code outcome}: how long an upload request took. */
    public static final String UPLOAD_DURATION = "formidler.upload.duration";
    /** Timer, tag {@code outcome}: how long a download took to stream. */
    public static final String DOWNLOAD_DURATION = "formidler.download.duration";
    /** Counter, tag {@code category}: requests refused by the rate limits. */
    public static final String RATE_LIMITED = "formidler.rate.limited";

    // Hooks for features that are being built: register a gauge/counter under these names when the feature exists.
    /** Gauge: TUS uploads created and not yet finished. */
    public static final String TUS_IN_PROGRESS = "formidler.tus.uploads.in.progress";
    /** Gauge: scheduled jobs due and not yet picked. */
    public static final String JOB_QUEUE_DEPTH = "formidler.jobs.queue.depth";
    /** Counter, tag {@code task}: job executions that failed. */
    public static final String JOB_FAILURES = "formidler.jobs.failures";
    /** Gauge, seconds: age of the oldest outbox event not yet delivered. */
    public static final String OUTBOX_LAG = "formidler.events.outbox.lag";
    /** Counter: webhook deliveries that failed. */
    public static final String OUTBOX_DELIVERY_FAILURES = "formidler.events.delivery.failures";
    /** Counter, tag {@code verdict} (clean, infected, error): malware scan results. */
    public static final String SCANNER_VERDICTS = "formidler.scan.verdicts";

    private OperationsMeters() {
    }
}
