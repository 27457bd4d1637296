package no.formidler.upload.tus;

/**
 * Every protocol error of the TUS endpoint with its status, one per rule of the TUS 1.0.0 spec
 * (https://tus.io/protocols/resumable-upload) and of the reference (docs/compatibility.md §5.2). Domain errors (no such
 * transfer, no access, already uploaded, too large) are {@link no.formidler.error.BrokerError}s as everywhere else.
 */
enum TusError {
    UNSUPPORTED_VERSION(412, "Tus version %s is not supported. Supported versions: 1.0.0"),
    MISSING_FILE_TRANSFER_ID(404, "Missing file transfer id"),
    UPLOAD_NOT_FOUND(404, "The upload does not exist, has expired or has been terminated."),
    DEFER_LENGTH_NOT_SUPPORTED(400, "Upload-Defer-Length is not supported"),
    MISSING_UPLOAD_LENGTH(400, "Header Upload-Length is required"),
    INVALID_UPLOAD_LENGTH(400, "Header Upload-Length must be a non-negative integer"),
    FINAL_WITH_UPLOAD_LENGTH(400, "Header Upload-Length must not be sent with Upload-Concat: final"),
    INVALID_CONCAT(400, "Header Upload-Concat: Header is invalid. Valid values are \"partial\" and \"final\" followed by a list of file urls to concatenate"),
    UNKNOWN_PARTIAL(400, "Unknown partial upload id %s."),
    PARTIAL_OF_OTHER_TRANSFER(400, "Partial upload %s does not belong to file transfer %s."),
    PARTIAL_LISTED_TWICE(400, "Partial upload %s is listed more than once."),
    PARTIAL_NOT_FINISHED(400, "Partial upload %s is not finished: %d of %d bytes are stored."),
    INVALID_METADATA(400, "Header Upload-Metadata must be comma-separated pairs of a key and a Base64 value"),
    UNSUPPORTED_CONTENT_TYPE(415, "Content-Type must be application/offset+octet-stream"),
    LENGTH_ALREADY_SET(400, "Upload-Length cannot be updated once set"),
    MISSING_UPLOAD_OFFSET(400, "Header Upload-Offset is required"),
    INVALID_UPLOAD_OFFSET(400, "Header Upload-Offset must be a non-negative integer"),
    FINAL_NOT_PATCHABLE(403, "File with \"Upload-Concat: final\" cannot be patched"),
    INVALID_CHECKSUM(400, "Header Upload-Checksum must be an algorithm and a Base64 digest separated by a space"),
    UNSUPPORTED_CHECKSUM_ALGORITHM(400, "Checksum algorithm %s is not supported. Supported algorithms: md5, sha1, sha256"),
    OFFSET_MISMATCH(409, "Offset does not match file. File offset: %d. Request offset: %d"),
    TOO_MUCH_DATA(413, "Request contains more data than the file's upload length. Bytes remaining: %d"),
    CHECKSUM_MISMATCH(460, "Header Upload-Checksum does not match the checksum of the file"),
    STATE_FAILED_INTEGRITY(410, "The stored state of this upload failed its integrity check (%s); it cannot be resumed. Create a new upload."),
    LOCKED(423, "The upload is being written by another request. Retry when that request has finished.");

    private final int status;
    private final String message;

    TusError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    int status() {
        return status;
    }

    TusException exception(Object... arguments) {
        return new TusException(this, message.formatted(arguments));
    }

    /** A protocol error on its way to the client. */
    static final class TusException extends RuntimeException {
        private final TusError error;

        TusException(TusError error, String message) {
            super(message);
            this.error = error;
        }

        TusError error() {
            return error;
        }
    }
}
