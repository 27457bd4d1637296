package no.formidler.notify;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import no.formidler.auth.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code notification}: every query goes by its key (transfer, organisation, kind) or a prefix of it. */
@Repository
class NotificationRepository {
    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Records the notification unless it exists; true when it is new. */
    boolean insert(Notification n, Instant at) {
        return jdbc.sql("""
                        insert into notification (file_transfer_id, organization, kind, resource_id, file_name, file_size,
                          senders_reference, sender, expires, created)
                        values (:id, :org, :kind, :resource, :fileName, :size, :reference, :sender, :expires, :at)
                        on conflict do nothing""")
                .param("id", n.fileTransferId())
                .param("org", n.organization().number())
                .param("kind", n.kind().dbValue())
                .param("resource", n.resourceId())
                .param("fileName", n.fileName())
                .param("size", n.fileSize())
                .param("reference", n.sendersReference().orElse(null))
                .param("sender", n.sender())
                .param("expires", utc(n.expires()))
                .param("at", utc(at))
                .update() == 1;
    }

    /** The notification if it is still to be sent. */
    Optional<Notification> unsent(UUID id, Organization organization, NotificationKind kind) {
        return jdbc.sql("""
                        select resource_id, file_name, file_size, senders_reference, sender, expires from notification
                        where file_transfer_id = :id and organization = :org and kind = :kind and sent is null""")
                .param("id", id)
                .param("org", organization.number())
                .param("kind", kind.dbValue())
                .query((rs, n) -> new Notification(id, organization, kind, rs.getString(1), rs.getString(2), rs.getLong(3),
                        Optional.ofNullable(rs.getString(4)), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .optional();
    }

    void markSent(UUID id, Organization organization, NotificationKind kind, Instant at) {
        jdbc.sql("""
                        update notification set sent = :at
                        where file_transfer_id = :id and organization = :org and kind = :kind and sent is null""")
                .param("at", utc(at))
                .param("id", id)
                .param("org", organization.number())
                .param("kind", kind.dbValue())
                .update();
    }

    /** Drops what is no longer worth telling: unsent notifications of the transfer, for one organisation or all. */
    void dropUnsent(UUID id, Optional<Organization> organization, NotificationKind... kinds) {
        for (NotificationKind kind : kinds) {
            jdbc.sql("""
                            delete from notification where file_transfer_id = :id and kind = :kind and sent is null
                            and (cast(:org as text) is null or organization = :org)""")
                    .param("id", id)
                    .param("kind", kind.dbValue())
                    .param("org", organization.map(Organization::number).orElse(null), Types.VARCHAR)
                    .update();
        }
    }
}
