package no.formidler.transfer;

import static no.formidler.transfer.RecipientStatus.DownloadConfirmed;
import static no.formidler.transfer.RecipientStatus.DownloadStarted;

import java.util.EnumSet;
import java.util.Set;

/** A recipient's state machine, as {@link Transition} is the transfer's. */
enum RecipientTransition {
    /**
     * The recipient fetched the file, or part of it. From anywhere: every download is kept in the history, while the
     * recipient's status never moves back (a recipient that confirmed stays confirmed).
     */
    START_DOWNLOAD(DownloadStarted, EnumSet.allOf(RecipientStatus.class)),
    /** The recipient confirmed a download it had made. */
    CONFIRM_DOWNLOAD(DownloadConfirmed, EnumSet.of(DownloadStarted));

    private final RecipientStatus to;
    private final Set<RecipientStatus> from;

    RecipientTransition(RecipientStatus to, Set<RecipientStatus> from) {
        this.to = to;
        this.from = from;
    }

    RecipientStatus to() {
        return to;
    }

    Set<RecipientStatus> from() {
        return EnumSet.copyOf(from);
    }
}
