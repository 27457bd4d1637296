package no.formidler.transfer;

import java.util.List;
import no.formidler.events.TransferEvent;

/**
 * Work that goes with every status change: called by the transition path inside the change's transaction, after its
 * history row and before its events are appended, so that the step commits if and only if the change does. A step
 * must not call remote services: the transfer's row is locked while it runs.
 */
public interface TransitionStep {

    void applied(StatusChange change, List<TransferEvent> events);
}
