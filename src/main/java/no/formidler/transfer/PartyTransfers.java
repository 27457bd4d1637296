package no.formidler.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import no.formidler.auth.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An organisation's transfers across all resources, newest first: those it receives (its inbox) or those it sent.
 * The same rule as search decides what is listed: the organisation is a recipient, or the sender.
 */
@Repository
public class PartyTransfers {
    public static final int MAX = 200;
    private final JdbcClient jdbc;

    PartyTransfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of a list; {@code myStatus} is the organisation's recipient status (null in the sent list). */
    public record Row(UUID id, String resourceId, String fileName, String sendersReference, String senderOrg,
                      TransferStatus status, Instant created, Instant expirationTime, Long fileSize,
                      RecipientStatus myStatus, int recipients, int confirmed) {
    }

    public List<Row> received(Organization org) {
        return jdbc.sql("""
                        select t.*, r.status as my_status,
                               (select count(*) from recipient a where a.file_transfer_id = t.id) as recipients,
                               (select count(*) from recipient a where a.file_transfer_id = t.id and a.status = 2) as confirmed
                        from recipient r join file_transfer t on t.id = r.file_transfer_id
                        where r.org = :org and t.status in (3, 5, 6)
                        order by r.created desc, t.id limit :max""")
                .param("org", org.number()).param("max", MAX)
                .query(PartyTransfers::row).list();
    }

    public List<Row> sent(Organization org) {
        return jdbc.sql("""
                        select t.*, null::smallint as my_status,
                               (select count(*) from recipient a where a.file_transfer_id = t.id) as recipients,
                               (select count(*) from recipient a where a.file_transfer_id = t.id and a.status = 2) as confirmed
                        from file_transfer t
                        where t.sender_org = :org
                        order by t.created desc, t.id limit :max""")
                .param("org", org.number()).param("max", MAX)
                .query(PartyTransfers::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Object size = rs.getObject("file_size");
        Object mine = rs.getObject("my_status");
        return new Row(rs.getObject("id", UUID.class), rs.getString("resource_id"), rs.getString("file_name"),
                rs.getString("senders_reference"), rs.getString("sender_org"),
                TransferStatus.ofId(rs.getInt("status")),
                rs.getObject("created", OffsetDateTime.class).toInstant(),
                rs.getObject("expiration_time", OffsetDateTime.class).toInstant(),
                size == null ? null : ((Number) size).longValue(),
                mine == null ? null : RecipientStatus.values()[((Number) mine).intValue()],
                rs.getInt("recipients"), rs.getInt("confirmed"));
    }
}
