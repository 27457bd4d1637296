package no.formidler.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The broker's evidence as it serves it (docs/evidence.md): a transfer's receipts and audit entries, the audit
 * log's checkpoints and the published keys. Check them with {@code no.formidler.client.evidence}.
 */
public final class Evidence {
    private static final String TRANSFERS = "/broker/api/v1/filetransfer/";
    private static final String CHECKPOINTS = "/broker/api/v1/audit/checkpoints";
    private final BrokerHttp http;

    Evidence(BrokerHttp http) {
        this.http = http;
    }

    /** The receipts the caller may see, as compact JWS, oldest first. */
    public List<String> receipts(UUID fileTransferId) {
        List<String> receipts = new ArrayList<>();
        get(TRANSFERS + fileTransferId + "/receipts").path("receipts").forEach(r -> receipts.add(r.path("receipt").asText()));
        return receipts;
    }

    /** The transfer's audit entries with their inclusion proofs and the checkpoint they are proven against. */
    public JsonNode audit(UUID fileTransferId) {
        return get(TRANSFERS + fileTransferId + "/audit");
    }

    public JsonNode latestCheckpoint() {
        return get(CHECKPOINTS + "/latest");
    }

    public JsonNode consistency(long from, long to) {
        return get(CHECKPOINTS + "/consistency?from=" + from + "&to=" + to);
    }

    /** The broker's public keys, current and retired, as a JWK set document. */
    public String publicKeys() {
        return http.text(() -> http.request("/.well-known/jwks.json").GET().build(), BrokerHttp.Safety.SAFE);
    }

    private JsonNode get(String path) {
        return http.json(() -> http.request(path).GET().build(), BrokerHttp.Safety.SAFE, JsonNode.class);
    }
}
