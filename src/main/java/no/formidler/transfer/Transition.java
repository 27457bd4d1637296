package no.formidler.transfer;

import static no.formidler.transfer.TransferStatus.AllConfirmedDownloaded;
import static no.formidler.transfer.TransferStatus.Cancelled;
import static no.formidler.transfer.TransferStatus.Failed;
import static no.formidler.transfer.TransferStatus.Initialized;
import static no.formidler.transfer.TransferStatus.Published;
import static no.formidler.transfer.TransferStatus.Purged;
import static no.formidler.transfer.TransferStatus.UploadProcessing;
import static no.formidler.transfer.TransferStatus.UploadStarted;

import java.util.EnumSet;
import java.util.Set;

/**
 * The transfer's state machine: every move a transfer can make, named for its cause, with the statuses it may start
 * from. A move from anywhere else does not happen (the update is guarded by these statuses), which is what makes
 * every change happen once however often, and in whatever order, its causes arrive.
 */
enum Transition {
    /** A sender starts (or restarts) an upload. */
    START_UPLOAD(UploadStarted, EnumSet.of(Initialized, UploadStarted)),
    /** The file is stored and must get a malware verdict before it is published. */
    AWAIT_SCAN(UploadProcessing, EnumSet.of(UploadStarted)),
    /** The file is stored and needs no scan. */
    PUBLISH(Published, EnumSet.of(UploadStarted)),
    /**
     * The upload broke off, was refused or got stuck. Only an upload in progress fails so: a file already stored is
     * failed only by its scan verdict, not by another attempt that broke off.
     */
    FAIL_UPLOAD(Failed, EnumSet.of(UploadStarted)),
    /** The stored file was found clean. */
    PASS_SCAN(Published, EnumSet.of(UploadProcessing)),
    /** The stored file was not found clean. */
    FAIL_SCAN(Failed, EnumSet.of(UploadProcessing)),
    /** The last recipient confirmed its download. */
    CONFIRM_ALL(AllConfirmedDownloaded, EnumSet.of(Published)),
    /**
     * The sender withdraws the transfer before every recipient has confirmed (docs/withdraw-and-notifications.md).
     */
    CANCEL(Cancelled, EnumSet.of(Initialized, UploadStarted, UploadProcessing, Published)),
    /** The file's time is up: from anywhere, once; a withdrawn transfer has no file left and stays Cancelled. */
    PURGE(Purged, EnumSet.complementOf(EnumSet.of(Purged, Cancelled)));

    private final TransferStatus to;
    private final Set<TransferStatus> from;

    Transition(TransferStatus to, Set<TransferStatus> from) {
        this.to = to;
        this.from = from;
    }

    TransferStatus to() {
        return to;
    }

    Set<TransferStatus> from() {
        return EnumSet.copyOf(from);
    }

    /** Every status some move leads from into {@code target}. */
    static Set<TransferStatus> sourcesOf(TransferStatus target) {
        Set<TransferStatus> sources = EnumSet.noneOf(TransferStatus.class);
        for (Transition t : values()) {
            if (t.to == target) {
                sources.addAll(t.from);
            }
        }
        return sources;
    }
}
