package no.formidler.transfer;

import java.util.Optional;

/**
 * A malware scanner's verdict on a transfer's stored file. The scanner decides it; the transfer applies it (published
 * when clean, failed otherwise) and keeps it as the transfer's scan record.
 *
 * @param failureText the transfer's status text when the verdict fails it; empty when the file is clean
 */
public record ScanVerdict(Optional<String> failureText, ScanHistory.ScanRecordView record) {

    public boolean clean() {
        return failureText.isEmpty();
    }

    Move move() {
        return failureText.map(text -> Move.of(Transition.FAIL_SCAN, text)).orElse(Move.of(Transition.PASS_SCAN));
    }
}
