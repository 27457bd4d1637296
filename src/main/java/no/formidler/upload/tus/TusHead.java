package no.formidler.upload.tus;

import java.time.Clock;
import no.formidler.auth.Caller;
import no.formidler.transfer.TransferLifecycle;
import org.springframework.stereotype.Component;

/**
 * HEAD (TUS core): how much of an upload is durably stored. It reads the committed offset without taking the upload's
 * lock, so it answers at once also while a PATCH is streaming (that PATCH's bytes count only once committed). A
 * finished upload whose completion a crash interrupted is completed on the way.
 */
@Component
class TusHead {
    private final TusUploadRepository uploads;
    private final TransferLifecycle lifecycle;
    private final TusCompletion completion;
    private final Clock clock;

    TusHead(TusUploadRepository uploads, TransferLifecycle lifecycle, TusCompletion completion, Clock clock) {
        this.uploads = uploads;
        this.lifecycle = lifecycle;
        this.completion = completion;
        this.clock = clock;
    }

    TusUpload head(Caller caller, UploadRef ref) {
        lifecycle.resumeUpload(caller, ref.fileTransferId());
        TusUpload upload = uploads.find(ref.uploadId()).filter(ref::owns).filter(u -> !u.expiredAt(clock.instant()))
                .orElseThrow(TusError.UPLOAD_NOT_FOUND::exception);
        if (upload.finished() && upload.kind() != TusUpload.Kind.PARTIAL) {
            completion.finish(upload.id());
        }
        return upload;
    }
}
