package no.formidler.transfer;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.formidler.auth.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only aggregate SQL over the transfer tables, for reports and operations gauges. */
@Repository
class TransferStatisticsRepository {
    private final JdbcClient jdbc;

    TransferStatisticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The reference's rollup (docs/operations.md, Statistics) computed live for {@code [start, end)}: a pair is active
     * when the recipient has a status dated in the month, or when its transfer was published in the month. Linear in
     * the rows of the month: each recipient's vendor comes from its own group, each sender's once per transfer.
     */
    List<MonthlyActivity> monthly(Collection<String> resourceIds, Instant start, Instant end) {
        if (resourceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        with activity as (
                          select rs.file_transfer_id, rs.org,
                                 count(*) filter (where rs.status = :started) as attempts,
                                 bool_or(rs.status = :confirmed) as confirmed,
                                 (array_agg(rs.vendor order by rs.id desc) filter (where rs.vendor is not null))[1] as vendor
                          from recipient_status rs join file_transfer f on f.id = rs.file_transfer_id
                          where rs.changed >= :start and rs.changed < :end and f.resource_id in (:resources)
                          group by rs.file_transfer_id, rs.org),
                        pairs as (
                          select file_transfer_id, org from activity
                          union
                          select r.file_transfer_id, r.org from recipient r join file_transfer f on f.id = r.file_transfer_id
                          where f.resource_id in (:resources) and f.published >= :start and f.published < :end),
                        sender_vendor as (
                          select t.file_transfer_id,
                                 (select s.vendor from file_transfer_status s
                                  where s.file_transfer_id = t.file_transfer_id and s.status = :initialized
                                  order by s.id limit 1) as vendor
                          from (select distinct file_transfer_id from pairs) t),
                        described as (
                          select f.resource_id, f.sender_org, p.org as recipient_org,
                                 coalesce(sv.vendor, '') as sender_vendor,
                                 coalesce(a.vendor, '') as recipient_vendor,
                                 f.created >= :start and f.created < :end as created_in_month,
                                 coalesce(f.published >= :start and f.published < :end, false) as published_in_month,
                                 coalesce(a.attempts, 0) as attempts,
                                 coalesce(a.confirmed, false) as confirmed
                          from pairs p
                          join file_transfer f on f.id = p.file_transfer_id
                          join sender_vendor sv on sv.file_transfer_id = p.file_transfer_id
                          left join activity a on a.file_transfer_id = p.file_transfer_id and a.org = p.org)
                        select resource_id, sender_org, recipient_org, sender_vendor, recipient_vendor,
                               count(*) filter (where created_in_month), count(*) filter (where published_in_month),
                               sum(attempts), count(*) filter (where confirmed)
                        from described
                        group by resource_id, sender_org, recipient_org, sender_vendor, recipient_vendor""")
                .param("resources", resourceIds)
                .param("start", TransferRepository.utc(start))
                .param("end", TransferRepository.utc(end))
                .param("started", RecipientStatus.DownloadStarted.id())
                .param("confirmed", RecipientStatus.DownloadConfirmed.id())
                .param("initialized", TransferStatus.Initialized.id())
                .query((rs, n) -> new MonthlyActivity(rs.getString(1), new Organization(rs.getString(2)),
                        new Organization(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9)))
                .list();
    }

    /** All history, by creation day (UTC), resource and sender; an operator's batch report, not a request path. */
    List<DailyTransfers> daily() {
        return jdbc.sql("""
                        select (created at time zone 'UTC')::date, resource_id, sender_org, count(*), coalesce(sum(file_size), 0)
                        from file_transfer
                        group by 1, 2, 3
                        order by 1, 2, 3""")
                .query((rs, n) -> new DailyTransfers(rs.getObject(1, java.time.LocalDate.class), rs.getString(2),
                        new Organization(rs.getString(3)), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** How many transfers are in each status now (an index-only scan of {@code (status, status_changed)}). */
    Map<TransferStatus, Long> countByStatus() {
        Map<TransferStatus, Long> counts = new EnumMap<>(TransferStatus.class);
        for (TransferStatus status : TransferStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from file_transfer group by status")
                .query((rs, n) -> counts.put(TransferStatus.ofId(rs.getInt(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    long countInStatusSince(TransferStatus status, Instant before) {
        return jdbc.sql("select count(*) from file_transfer where status = :status and status_changed < :before")
                .param("status", status.id())
                .param("before", TransferRepository.utc(before))
                .query(Long.class)
                .single();
    }
}
