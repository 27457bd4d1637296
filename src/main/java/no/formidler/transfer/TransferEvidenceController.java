package no.formidler.transfer;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import no.formidler.audit.AuditEntry;
import no.formidler.audit.Checkpoints;
import no.formidler.auth.Caller;
import no.formidler.auth.Organization;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A transfer's receipts and audit entries (docs/evidence.md): Formidler extensions. */
@RestController
@RequestMapping("/broker/api/v1/filetransfer")
class TransferEvidenceController {
    private static final HexFormat HEX = HexFormat.of();
    private final TransferEvidence evidence;

    TransferEvidenceController(TransferEvidence evidence) {
        this.evidence = evidence;
    }

    record ReceiptView(String kind, String recipient, Instant issued, String receipt) {
    }

    record ReceiptList(UUID fileTransferId, List<ReceiptView> receipts) {
    }

    record EntryView(long sequence, String time, String actor, String vendor, String action, String subject,
                     String details, String previousHash, String hash, long leafIndex, List<String> inclusionProof) {
    }

    record AuditView(UUID fileTransferId, Checkpoints.Checkpoint checkpoint, List<EntryView> entries) {
    }

    @Operation(summary = "The signed receipts of a file transfer (Formidler extension)")
    @GetMapping(value = "/{fileTransferId}/receipts", produces = MediaType.APPLICATION_JSON_VALUE)
    ReceiptList receipts(Caller caller, @PathVariable UUID fileTransferId) {
        return new ReceiptList(fileTransferId, evidence.receipts(caller, fileTransferId).stream()
                .map(r -> new ReceiptView(r.kind().name(), r.recipient().map(Organization::prefixed).orElse(null),
                        r.issued(), r.jws()))
                .toList());
    }

    @Operation(summary = "The audit entries of a file transfer with inclusion proofs (Formidler extension)")
    @GetMapping(value = "/{fileTransferId}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditView audit(Caller caller, @PathVariable UUID fileTransferId) {
        Checkpoints.Proven proven = evidence.audit(caller, fileTransferId);
        return new AuditView(fileTransferId, proven.checkpoint(), proven.entries().stream()
                .map(TransferEvidenceController::view).toList());
    }

    private static EntryView view(Checkpoints.Included included) {
        AuditEntry e = included.entry().entry();
        return new EntryView(e.sequence(), e.time().toString(), e.actor(), e.vendor(), e.action(), e.subject(),
                e.details(), HEX.formatHex(e.previousHash()), HEX.formatHex(included.entry().storedHash()),
                included.leafIndex(), included.proof());
    }
}
