package no.formidler.error;

/**
 * Every domain error the broker API can answer with, with the status and message of the Altinn 3 Broker contract
 * (docs/compatibility.md §2). The message texts are part of the wire contract: do not reword them.
 */
public enum BrokerError {
    FILE_TRANSFER_NOT_FOUND(1, 404, "The requested file transfer was not found"),
    SERVICE_OWNER_NOT_CONFIGURED(2, 400, "Service owner needs to be configured to use the broker API"),
    NO_FILE_UPLOADED(3, 400, "No file uploaded yet"),
    FILE_TRANSFER_ALREADY_UPLOADED(4, 409,
            "A file transfer has already been, or attempted to be, created. Create a new file transfer resource to try again."),
    RESOURCE_NOT_REGISTERED(5, 403,
            "The resource needs to be registered as an Altinn 3 resource and it has to be associated with a service owner"),
    NO_ACCESS_TO_RESOURCE(6, 401,
            "You must use a bearer token that represents a system user with access to the resource in the Resource Rights Registry"),
    FILE_NOT_READY_FOR_DOWNLOAD(7, 403,
            "The requested file transfer's file is not ready for download. See file transfer status."),
    UPLOAD_FAILED(8, 500, "Error occurred while uploading file See /details for more information."),
    CHECKSUM_MISMATCH(9, 400, "The checksum of uploaded file did not match the checksum specified in initialize call."),
    CONFIRM_ONLY_WHEN_PUBLISHED(10, 400,
            "A file transfer can only be confirmed to be downloaded when it is published. See file transfer status."),
    MAX_SIZE_NEGATIVE(11, 400, "Max file transfer size cannot be negative"),
    MAX_SIZE_ZERO(12, 400, "Max file transfer size cannot be zero"),
    MAX_SIZE_OVER_SCAN_LIMIT(13, 400,
            "Max file transfer size cannot be set higher than 50GB in production unless the resource has been pre-approved for disabled virus scan. Contact us @ Slack."),
    INVALID_TIME_TO_LIVE(14, 400,
            "Invalid file transfer time to live format. Should follow ISO8601 standard for duration. Example: 'P30D' for 30 days."),
    TIME_TO_LIVE_TOO_LONG(15, 400, "Time to live cannot exceed 365 days"),
    FILE_SIZE_EXCEEDS_MAXIMUM(16, 400, "File size exceeds maximum"),
    INVALID_GRACE_PERIOD(17, 400,
            "Invalid grace period format. Should follow ISO8601 standard for duration. Example: 'PT2H' for 2 hours."),
    GRACE_PERIOD_TOO_LONG(18, 400, "Grace period cannot exceed 24 hours"),
    CONFIRM_BEFORE_DOWNLOAD(19, 400, "Cannot confirm before the files have been downloaded"),
    VIRUS_SCAN_DISABLE_NOT_APPROVED(20, 400,
            "In order to use file transfers without virus scan the service resource needs to be approved by Altinn. Please contact us @ Slack."),
    STORAGE_NOT_READY(21, 503, "Storage provider is not ready yet. Please try again later."),
    MAX_SIZE_OVER_GLOBAL_LIMIT(22, 400,
            "Max file transfer size cannot be set higher than 100GB in production because it has not yet been tested for it. Contact us @ Slack if you need it."),
    MANIFEST_SHIM_NEEDS_LEGACY_CODES(23, 400,
            "In order to use manifest file shim you need to provide external service code and edition code"),
    SERVICE_OWNER_OF_RESOURCE_NOT_CONFIGURED(24, 400, "The service owner associated with the resource has not been configured."),
    RESOURCE_NOT_CONFIGURED(25, 400, "The resource has not been configured."),
    REQUIRED_PARTY_MISSING(26, 400, "The resource requires the service owner party to be present as part of the transaction."),
    REQUIRED_PARTY_ONE_RECIPIENT(27, 400,
            "When required party is specified and the required party is not the sender, the number of recipients can only be one."),
    RECIPIENT_NOT_IN_ACCESS_LIST(28, 400, "All recipients need to be in the access list of the resource."),
    RANGE_NOT_SATISFIABLE(29, 416, "The requested byte range is not satisfiable."),
    NOT_YET_UPLOAD_PROCESSING(30, 503,
            "File transfer is not yet in UploadProcessing. Retry when upload completion has been recorded."),

    NO_REPORT_DATA(6001, 404, "No file transfers found for report generation"),
    REPORT_FAILED(6002, 500, "Failed to generate statistics report"),
    INVALID_REPORT_PERIOD(6003, 400, "Invalid year or month. Provide a valid year and a month between 1 and 12."),
    REPORT_NEEDS_END_USER_OR_VENDOR(6005, 400, "At least one of includeEndUser or includeVendor must be true."),

    CALLER_ORGANIZATION_UNKNOWN(7001, 400, "Caller organization id could not be determined"),
    SERVICE_OWNER_EXISTS(7002, 409, "Service owner already exists"),
    SERVICE_OWNER_NOT_INITIALIZED(7003, 500, "Service owner could not be initialized"),
    SERVICE_OWNER_NOT_FOUND(7004, 404, "Service owner not found"),

    /** Formidler extension (docs/evidence.md): no checkpoint of the asked size. */
    CHECKPOINT_NOT_FOUND(8001, 404, "The broker has signed no audit checkpoint of that size."),
    /** Formidler extension (docs/security.md): the broker's storage is full; nothing of the upload was kept. */
    STORAGE_FULL(9001, 507, "The broker's storage is full. Nothing of this upload was kept; please try again later."),
    /** Formidler extension (docs/withdraw-and-notifications.md): withdraw from a final status. */
    CANCEL_NOT_ALLOWED(2001, 409,
            "The file transfer can only be cancelled before it has been downloaded and confirmed by all recipients, failed or been purged. See file transfer status."),
    /** Formidler extension (docs/withdraw-and-notifications.md): the sender withdrew the transfer while this upload streamed. */
    UPLOAD_STOPPED_BY_CANCEL(2002, 409,
            "The file transfer was cancelled while its file was being uploaded. The upload was stopped and its bytes deleted.");

    private final int number;
    private final int status;
    private final String message;

    BrokerError(int number, int status, String message) {
        this.number = number;
        this.status = status;
        this.message = message;
    }

    /** The wire code, e.g. {@code BRO-00006}. */
    public String code() {
        return "BRO-%05d".formatted(number);
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    public BrokerException exception() {
        return new BrokerException(this);
    }
}
