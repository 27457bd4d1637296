package no.formidler.upload.tus;

import java.util.List;
import no.formidler.events.TransferEvent;
import no.formidler.transfer.StatusChange;
import no.formidler.transfer.TransferStatus;
import no.formidler.transfer.TransitionStep;
import org.springframework.stereotype.Component;

/**
 * When a transfer is withdrawn, its resumable uploads end with it: they expire now, in the same transaction, and the
 * expiry sweep ({@link TusExpiry}) discards their stored parts.
 */
@Component
class TusWithdrawal implements TransitionStep {
    private final TusUploadRepository uploads;

    TusWithdrawal(TusUploadRepository uploads) {
        this.uploads = uploads;
    }

    @Override
    public void applied(StatusChange change, List<TransferEvent> events) {
        if (change instanceof StatusChange.OfTransfer t && t.status() == TransferStatus.Cancelled) {
            uploads.expireUnfinished(t.transfer().id(), t.at());
        }
    }
}
