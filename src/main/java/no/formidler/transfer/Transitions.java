package no.formidler.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.formidler.events.EventOutbox;
import no.formidler.events.TransferEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transition path: every status change of a transfer or a recipient goes through here, and nothing else writes a
 * status. Each move is checked against the state machine ({@link Transition}, {@link RecipientTransition}) by a
 * guarded update, so it happens once; the time is stamped once for all moves of a call; each change gets its history
 * row, its events from {@link TransitionEvents} and its {@link TransitionStep}s; the events are appended to the
 * outbox as the very last step, since appending holds the outbox's lock until commit.
 *
 * <p>Callers lock the transfer first ({@code findForUpdate}) when they decide on its state, and make any remote call
 * or blob delete outside the transaction.
 */
@Component
class Transitions {
    private final TransferRepository transfers;
    private final EventOutbox outbox;
    private final ObjectProvider<TransitionStep> steps;
    private final Clock clock;

    Transitions(TransferRepository transfers, EventOutbox outbox, ObjectProvider<TransitionStep> steps, Clock clock) {
        this.transfers = transfers;
        this.outbox = outbox;
        this.steps = steps;
        this.clock = clock;
    }

    /** The time a change made now is stamped with (what the database keeps: microseconds). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Creates the transfer in {@code Initialized}, its recipients likewise; its creation time is its stamp. */
    @Transactional(propagation = Propagation.MANDATORY)
    void initialize(TransferRepository.NewTransfer transfer) {
        transfers.insert(transfer);
        finish(List.of(new StatusChange.OfTransfer(transfer.asCreated(), TransferStatus.Initialized, Optional.empty(),
                transfer.created(), transfer.vendor())));
    }

    /**
     * Makes the moves in order, each only if the state machine allows it from where the transfer (or recipient) is
     * then; returns the changes that happened (none when someone else got there first).
     *
     * @param transfer the transfer as the caller read it: locked by its transaction when the moves depend on its state
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<StatusChange> apply(FileTransfer transfer, Move... moves) {
        Instant at = now();
        List<StatusChange> changes = new ArrayList<>();
        for (Move move : moves) {
            make(transfer, move, at).ifPresent(changes::add);
        }
        finish(changes);
        return changes;
    }

    private Optional<StatusChange> make(FileTransfer transfer, Move move, Instant at) {
        if (move instanceof Move.OfRecipient r) {
            boolean moved = transfers.recordRecipientStatus(transfer.id(), r.recipient(), r.transition().from(),
                    r.transition().to(), at, r.vendor(), r.ranged());
            return moved ? Optional.of(new StatusChange.OfRecipient(transfer, r.recipient(), r.transition().to(), at,
                    r.vendor())) : Optional.empty();
        }
        Move.OfTransfer t = (Move.OfTransfer) move;
        boolean moved = transfers.transition(transfer.id(), t.transition().from(), t.transition().to(), t.text(), at,
                t.vendor());
        return moved ? Optional.of(new StatusChange.OfTransfer(transfer, t.transition().to(), t.text(), at, t.vendor()))
                : Optional.empty();
    }

    private void finish(List<StatusChange> changes) {
        List<TransferEvent> events = new ArrayList<>();
        for (StatusChange change : changes) {
            List<TransferEvent> caused = TransitionEvents.of(change);
            steps.orderedStream().forEach(step -> step.applied(change, caused));
            events.addAll(caused);
        }
        outbox.append(events);
    }
}
