package no.formidler.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Organization;
import no.formidler.system.FormidlerProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed receipts: a submission receipt when a transfer is published, a delivery receipt when a recipient confirms
 * its download (docs/evidence.md). A receipt is issued in the transaction of the change it certifies, once: its id
 * follows from the transfer, its kind and the recipient.
 */
@Component
public class Receipts {
    static final String JWS_TYPE = "formidler-receipt+jws";
    private final JdbcClient jdbc;
    private final EvidenceSigner signer;
    private final String issuer;

    Receipts(JdbcClient jdbc, EvidenceSigner signer, FormidlerProperties properties) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.issuer = properties.publicBaseUrl().replaceAll("/+$", "");
    }

    /** What a receipt certifies about the file and the event. */
    public record Facts(UUID fileTransferId, String resourceId, String fileName, long fileSize, String sha256,
                        String md5, String sender, Instant time, String eventType, UUID eventId, long auditSequence) {
    }

    public enum Kind { submission, delivery }

    public record Receipt(Kind kind, Optional<Organization> recipient, Instant issued, String jws) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void issue(Facts facts, Optional<Organization> recipient) {
        Kind kind = recipient.isPresent() ? Kind.delivery : Kind.submission;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("kind", kind.name());
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
        claims.put("auditSequence", facts.auditSequence());
        String key = facts.fileTransferId() + ":" + kind + recipient.map(r -> ":" + r.number()).orElse("");
        jdbc.sql("""
                        insert into receipt (id, file_transfer_id, kind, recipient_org, issued, jws)
                        values (:id, :transfer, :kind, :recipient, :issued, :jws)
                        on conflict (id) do nothing""")
                .param("id", UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)))
                .param("transfer", facts.fileTransferId())
                .param("kind", kind.name())
                .param("recipient", recipient.map(Organization::number).orElse(null))
                .param("issued", OffsetDateTime.ofInstant(facts.time(), ZoneOffset.UTC))
                .param("jws", signer.sign(JWS_TYPE, claims))
                .update();
    }

    /** A transfer's receipts, oldest first. */
    public List<Receipt> of(UUID fileTransferId) {
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
