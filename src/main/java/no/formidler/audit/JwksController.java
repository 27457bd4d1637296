package no.formidler.audit;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys receipts and checkpoints are signed with, retired ones included, so that old evidence verifies. */
@RestController
class JwksController {
    private final EvidenceKeys keys;

    JwksController(EvidenceKeys keys) {
        this.keys = keys;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(keys.publicKeys().toJSONObject(true));
    }
}
