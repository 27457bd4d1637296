package no.formidler.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Organization;
import no.formidler.system.CommitOrder;
import no.formidler.system.FormidlerProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed receipts: a submission receipt when a transfer is published, a delivery receipt when a recipient confirms
 * its download (docs/evidence.md). The change's transaction records the receipt with its audit entry
 * ({@link AuditLog#record(Audited, Optional)}); it is signed and stored when that entry gets its number, in the same
 * transaction as the number, and before the change's events are numbered (so before any event announces it).
 */
@Component
public class Receipts {
    static final String JWS_TYPE = "formidler-receipt+jws";
    private final JdbcClient jdbc;
    private final EvidenceSigner signer;
    private final String issuer;
    private final CommitOrder commitOrder;

    Receipts(JdbcClient jdbc, EvidenceSigner signer, FormidlerProperties properties, CommitOrder commitOrder) {
        this.jdbc = jdbc;
        this.commitOrder = commitOrder;
        this.signer = signer;
        this.issuer = properties.publicBaseUrl().replaceAll("/+$", "");
    }

    /** What a receipt certifies about the file and the event. */
    public record Facts(UUID fileTransferId, String resourceId, String fileName, long fileSize, String sha256,
                        String md5, String sender, Instant time, String eventType, UUID eventId) {
    }

    public enum Kind { submission, delivery }

    public record Receipt(Kind kind, Optional<Organization> recipient, Instant issued, String jws) {
    }

    /**
     * A receipt as the change's transaction knows it: everything but the number of the audit entry that records the
     * same change, which it gets once that entry is numbered ({@link AuditLog}).
     */
    public record Unsigned(Map<String, Object> claims, Optional<Organization> recipient) {
        public Unsigned {
            claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        }

        UUID fileTransferId() {
            return UUID.fromString((String) claims.get("fileTransferId"));
        }

        Instant issued() {
            return Instant.parse((String) claims.get("time"));
        }

        Kind kind() {
            return recipient.isPresent() ? Kind.delivery : Kind.submission;
        }
    }

    /** The receipt of a change, to be signed when its audit entry is numbered. */
    public Unsigned of(Facts facts, Optional<Organization> recipient) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("kind", (recipient.isPresent() ? Kind.delivery : Kind.submission).name());
        claims.put("fileTransferId", facts.fileTransferId().toString());
        claims.put("resourceId", facts.resourceId());
        claims.put("fileName", facts.fileName());
        claims.put("fileSize", facts.fileSize());
        claims.put("sha256", facts.sha256());
        claims.put("md5", facts.md5());
        claims.put("sender", facts.sender());
        recipient.ifPresent(r -> claims.put("recipient", r.prefixed()));
        claims.put("time", facts.time().toString());
        claims.put("event", Map.of("type", facts.eventType(), "id", facts.eventId().toString()));
        return new Unsigned(claims, recipient);
    }

    /** Signs and stores the receipt, once: its id follows from the transfer, its kind and the recipient. */
    void issue(Unsigned receipt, long auditSequence) {
        Map<String, Object> claims = new LinkedHashMap<>(receipt.claims());
        claims.put("auditSequence", auditSequence);
        String key = receipt.fileTransferId() + ":" + receipt.kind() + receipt.recipient().map(r -> ":" + r.number()).orElse("");
        jdbc.sql("""
                        insert into receipt (id, file_transfer_id, kind, recipient_org, issued, jws)
                        values (:id, :transfer, :kind, :recipient, :issued, :jws)
                        on conflict (id) do nothing""")
                .param("id", UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)))
                .param("transfer", receipt.fileTransferId())
                .param("kind", receipt.kind().name())
                .param("recipient", receipt.recipient().map(Organization::number).orElse(null))
                .param("issued", OffsetDateTime.ofInstant(receipt.issued(), ZoneOffset.UTC))
                .param("jws", signer.sign(JWS_TYPE, claims))
                .update();
    }

    /** A transfer's receipts, oldest first, each committed one signed first; call it outside a transaction. */
    public List<Receipt> of(UUID fileTransferId) {
        commitOrder.catchUp();
        return jdbc.sql("""
                        select kind, recipient_org, issued, jws from receipt
                        where file_transfer_id = :id order by issued, kind desc, recipient_org""")
                .param("id", fileTransferId)
                .query((rs, n) -> new Receipt(Kind.valueOf(rs.getString("kind")),
                        Optional.ofNullable(rs.getString("recipient_org")).map(Organization::new),
                        rs.getObject("issued", OffsetDateTime.class).toInstant(), rs.getString("jws")))
                .list();
    }
}
