package no.formidler.transfer;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import no.formidler.events.TransferEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A step on the transition path, in every test broker: records what it is shown, and whether a transaction was open. */
@Component
class TransitionRecorder implements TransitionStep {
    record Seen(StatusChange change, List<TransferEvent> events, boolean inTransaction) {
    }

    private final Map<UUID, List<Seen>> seen = new ConcurrentHashMap<>();

    @Override
    public void applied(StatusChange change, List<TransferEvent> events) {
        seen.computeIfAbsent(change.transfer().id(), id -> new CopyOnWriteArrayList<>())
                .add(new Seen(change, List.copyOf(events), TransactionSynchronizationManager.isActualTransactionActive()));
    }

    List<Seen> of(UUID fileTransferId) {
        return seen.getOrDefault(fileTransferId, List.of());
    }
}
