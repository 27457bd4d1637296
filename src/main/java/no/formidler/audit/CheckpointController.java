package no.formidler.audit;

import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log's signed checkpoints and the proofs between them (docs/evidence.md). A checkpoint tells only the
 * log's size and root, nothing of its entries, so any authenticated caller may read them.
 */
@RestController
@RequestMapping("/broker/api/v1/audit/checkpoints")
class CheckpointController {
    private final Checkpoints checkpoints;

    CheckpointController(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GetMapping(value = "/latest", produces = MediaType.APPLICATION_JSON_VALUE)
    Checkpoints.Checkpoint latest() {
        return checkpoints.latest().orElseGet(checkpoints::sign);
    }

    @GetMapping(value = "/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    Checkpoints.Consistency consistency(@RequestParam long from, @RequestParam long to) {
        return checkpoints.consistency(from, to).orElseThrow(() -> new BrokerException(BrokerError.CHECKPOINT_NOT_FOUND));
    }
}
