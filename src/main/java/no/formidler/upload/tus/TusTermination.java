package no.formidler.upload.tus;

import java.io.IOException;
import no.formidler.auth.Caller;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import no.formidler.transfer.TransferLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DELETE (termination): forgets an unfinished upload and discards its stored parts. The transfer keeps its status, so
 * the sender may create a new upload (docs/compatibility.md §5.2).
 */
@Component
class TusTermination {
    private static final Logger log = LoggerFactory.getLogger(TusTermination.class);
    private final TusUploadRepository uploads;
    private final TusStorage storage;
    private final TransferLifecycle lifecycle;
    private final TransactionTemplate tx;

    TusTermination(TusUploadRepository uploads, TusStorage storage, TransferLifecycle lifecycle, TransactionTemplate tx) {
        this.uploads = uploads;
        this.storage = storage;
        this.lifecycle = lifecycle;
        this.tx = tx;
    }

    void terminate(Caller caller, UploadRef ref) {
        lifecycle.resumeUpload(caller, ref.fileTransferId());
        TusUpload upload = tx.execute(status -> {
            TusUpload locked;
            try {
                locked = uploads.lock(ref.uploadId()).filter(ref::owns).orElseThrow(TusError.UPLOAD_NOT_FOUND::exception);
            } catch (TusUploadRepository.UploadLockedException e) {
                throw TusError.LOCKED.exception();
            }
            if (locked.finished() && locked.kind() != TusUpload.Kind.PARTIAL) {
                throw new BrokerException(BrokerError.FILE_TRANSFER_ALREADY_UPLOADED);
            }
            uploads.delete(locked.id());
            return locked;
        });
        try {
            storage.parted().abort(upload.partsKey());
        } catch (IOException e) {
            log.warn("Could not discard the parts of terminated upload {}", upload.id(), e);
        }
    }
}
