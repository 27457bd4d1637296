package no.formidler.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The file_transfer, file_transfer_status, recipient and recipient_status tables. */
@Repository
class TransferRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The transfer's row joined to its recipients' rows, one result row per recipient, in recipient order. */
    private static final String WITH_RECIPIENTS = """
            select t.*, r.org as recipient_org, r.status as recipient_status,
                   r.status_changed as recipient_status_changed
              from file_transfer t left join recipient r on r.file_transfer_id = t.id
             where t.id = :id order by r.org""";
    private final JdbcClient jdbc;

    TransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    record NewTransfer(UUID id, String resourceId, String fileName, String sendersReference, String sender,
                       Organization senderOrganization, Optional<String> checksum, boolean useVirusScan,
                       Instant created, Instant expirationTime, Map<String, String> propertyList,
                       List<Organization> recipients, Optional<Organization> vendor) {

        /** The transfer as this creates it. */
        FileTransfer asCreated() {
            return new FileTransfer(id, resourceId, fileName, sendersReference, sender, senderOrganization, checksum,
                    Optional.empty(), 0, useVirusScan, created, expirationTime, Optional.empty(),
                    TransferStatus.Initialized, Optional.empty(), created, Optional.empty(), propertyList,
                    recipients.stream().map(r -> new Recipient(r, RecipientStatus.Initialized, created)).toList());
        }
    }

    /**
     * The transfer, its first status, its recipients and theirs, in one statement: an initialize is mostly round trips
     * and their per-statement cost in PostgreSQL, not work in the queries.
     */
    void insert(NewTransfer t) {
        jdbc.sql("""
                        with transfer as (
                          insert into file_transfer (id, resource_id, file_name, senders_reference, sender, sender_org,
                            checksum, use_virus_scan, created, expiration_time, status, status_changed, property_list)
                          values (:id, :resource, :fileName, :reference, :sender, :senderOrg, :checksum, :scan,
                            :created, :expires, :status, :created, cast(:properties as jsonb))),
                        history as (
                          insert into file_transfer_status (file_transfer_id, status, status_text, changed, vendor)
                          values (:id, :status, null, :created, :vendor)),
                        recipients as (
                          insert into recipient (file_transfer_id, org, status, status_changed, resource_id, created)
                          select :id, org, :recipientStatus, :created, :resource, :created
                          from unnest(cast(:recipients as text[])) as org)
                        insert into recipient_status (file_transfer_id, org, status, changed, vendor, ranged)
                        select :id, org, :recipientStatus, :created, null, false
                        from unnest(cast(:recipients as text[])) as org""")
                .param("id", t.id())
                .param("resource", t.resourceId())
                .param("fileName", t.fileName())
                .param("reference", t.sendersReference())
                .param("sender", t.sender())
                .param("senderOrg", t.senderOrganization().number())
                .param("checksum", t.checksum().orElse(null), Types.VARCHAR)
                .param("scan", t.useVirusScan())
                .param("created", utc(t.created()))
                .param("expires", utc(t.expirationTime()))
                .param("status", TransferStatus.Initialized.id())
                .param("properties", JSON.writeValueAsString(t.propertyList()))
                .param("vendor", t.vendor().map(Organization::prefixed).orElse(null), Types.VARCHAR)
                .param("recipientStatus", RecipientStatus.Initialized.id())
                .param("recipients", t.recipients().stream().map(Organization::number).toArray(String[]::new))
                .update();
    }

    /** The transfer with its recipients, in one round trip (a download's parts and every status read take it). */
    Optional<FileTransfer> find(UUID id) {
        return jdbc.sql(WITH_RECIPIENTS).param("id", id).query((ResultSetExtractor<Optional<FileTransfer>>) rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            Row transfer = row(rs);
            List<Recipient> recipients = new ArrayList<>();
            do {
                if (rs.getString("recipient_org") != null) {
                    recipients.add(recipient(rs));
                }
            } while (rs.next());
            return Optional.of(transfer.withRecipients(recipients));
        });
    }

    private Optional<Row> findRow(UUID id) {
        return jdbc.sql("select * from file_transfer where id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** Only the status, by the primary key, without a lock: the cheap look an upload in flight takes now and then. */
    Optional<TransferStatus> status(UUID id) {
        return jdbc.sql("select status from file_transfer where id = :id").param("id", id)
                .query(Integer.class).optional().map(TransferStatus::ofId);
    }

    /** The transfer; {@code FILE_TRANSFER_NOT_FOUND} (404) when there is none. */
    FileTransfer require(UUID id) {
        return find(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
    }

    /**
     * What a resumed upload's checks read: the transfer's own columns, in one read by primary key. Not a
     * {@link FileTransfer}, so that nothing can take it for one with its recipients.
     */
    record UploadCheck(String resourceId, Organization sender, TransferStatus status, boolean useVirusScan) {
    }

    /** {@link UploadCheck} of the transfer, or {@code FILE_TRANSFER_NOT_FOUND} (404). */
    UploadCheck requireUploadCheck(UUID id) {
        return findRow(id).map(Row::transfer)
                .map(t -> new UploadCheck(t.resourceId(), t.senderOrganization(), t.status(), t.useVirusScan()))
                .orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
    }

    /** {@link #findForUpdate}, or {@code FILE_TRANSFER_NOT_FOUND} (404). */
    FileTransfer requireForUpdate(UUID id) {
        return findForUpdate(id).orElseThrow(() -> new BrokerException(BrokerError.FILE_TRANSFER_NOT_FOUND));
    }

    /**
     * Loads the transfer and locks its row until the transaction ends: changes to one transfer take turns. The
     * recipients are read after the lock is held, by a statement of their own: one joined to the locking statement
     * would see them as they were before it waited for the lock.
     */
    Optional<FileTransfer> findForUpdate(UUID id) {
        return jdbc.sql("select * from file_transfer where id = :id for update").param("id", id)
                .query((rs, n) -> row(rs)).optional()
                .map(partial -> partial.withRecipients(recipients(id)));
    }

    private List<Recipient> recipients(UUID id) {
        return jdbc.sql("""
                        select org as recipient_org, status as recipient_status,
                               status_changed as recipient_status_changed
                          from recipient where file_transfer_id = :id order by org""")
                .param("id", id)
                .query((rs, n) -> recipient(rs))
                .list();
    }

    /** A recipient's columns, named as {@link #WITH_RECIPIENTS} and {@link #recipients} name them. */
    private static Recipient recipient(ResultSet rs) throws SQLException {
        return new Recipient(new Organization(rs.getString("recipient_org")),
                RecipientStatus.ofId(rs.getInt("recipient_status")), instant(rs, "recipient_status_changed"));
    }

    /**
     * Moves the transfer to {@code to} if it is in one of {@code from}, and records the change in its history.
     * Returns false, changing nothing, when it was elsewhere (someone else got there first).
     */
    boolean transition(UUID id, Set<TransferStatus> from, TransferStatus to, Optional<String> text, Instant at,
                       Optional<Organization> vendor) {
        int changed = jdbc.sql("""
                        update file_transfer set status = :to, status_text = :text, status_changed = :at,
                          published = case when :to = 3 and published is null then :at else published end,
                          version = version + 1
                        where id = :id and status in (:from)""")
                .param("to", to.id())
                .param("text", text.orElse(null), Types.VARCHAR)
                .param("at", utc(at))
                .param("id", id)
                .param("from", from.stream().map(TransferStatus::id).toList())
                .update();
        if (changed == 1) {
            insertHistory(id, to, text, at, vendor);
        }
        return changed == 1;
    }

    /** Transfers that have been in {@code status} since before {@code before}, oldest first. */
    List<UUID> inStatusSince(TransferStatus status, Instant before, int limit) {
        return jdbc.sql("""
                        select id from file_transfer where status = :status and status_changed < :before
                        order by status_changed limit :limit""")
                .param("status", status.id())
                .param("before", utc(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    long countInStatusSince(TransferStatus status, Instant before) {
        return jdbc.sql("select count(*) from file_transfer where status = :status and status_changed < :before")
                .param("status", status.id())
                .param("before", utc(before))
                .query(Long.class)
                .single();
    }

    void recordFile(UUID id, String location, long size, String md5, String sha256) {
        jdbc.sql("""
                        update file_transfer set file_location = :location, file_size = :size,
                          checksum = coalesce(nullif(checksum, ''), :md5), sha256 = :sha256
                        where id = :id""")
                .param("location", location)
                .param("size", size)
                .param("md5", md5)
                .param("sha256", sha256)
                .param("id", id)
                .update();
    }

    /**
     * Moves the recipient to {@code status} if it is in one of {@code from} (never back: the status only grows), and
     * records the change in its history. Returns false, changing nothing, when it was elsewhere.
     */
    boolean recordRecipientStatus(UUID id, Organization recipient, Set<RecipientStatus> from, RecipientStatus status,
                                  Instant at, Optional<Organization> vendor, boolean ranged) {
        int changed = jdbc.sql("""
                        update recipient set status = greatest(status, :status), status_changed = greatest(status_changed, :at)
                        where file_transfer_id = :id and org = :org and status in (:from)""")
                .param("status", status.id())
                .param("at", utc(at))
                .param("id", id)
                .param("org", recipient.number())
                .param("from", from.stream().map(RecipientStatus::id).toList())
                .update();
        if (changed == 1) {
            insertRecipientHistory(id, recipient, status, at, vendor, ranged);
        }
        return changed == 1;
    }

    /** When the recipient's latest ranged download of the transfer was recorded as started, if ever. */
    Optional<Instant> latestRangedDownloadStart(UUID id, Organization recipient) {
        return jdbc.sql("""
                        select max(changed) from recipient_status
                         where file_transfer_id = :id and org = :org and ranged""")
                .param("id", id)
                .param("org", recipient.number())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .single();
    }

    record StatusEntry(TransferStatus status, Optional<String> text, Instant changed) {
    }

    record RecipientStatusEntry(Organization recipient, RecipientStatus status, Instant changed) {
    }

    List<StatusEntry> history(UUID id) {
        return jdbc.sql("select status, status_text, changed from file_transfer_status where file_transfer_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new StatusEntry(TransferStatus.ofId(rs.getInt(1)), Optional.ofNullable(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    List<RecipientStatusEntry> recipientHistory(UUID id) {
        return jdbc.sql("select org, status, changed from recipient_status where file_transfer_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new RecipientStatusEntry(new Organization(rs.getString(1)),
                        RecipientStatus.ofId(rs.getInt(2)), rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    private void insertHistory(UUID id, TransferStatus status, Optional<String> text, Instant at,
                               Optional<Organization> vendor) {
        jdbc.sql("""
                        insert into file_transfer_status (file_transfer_id, status, status_text, changed, vendor)
                        values (:id, :status, :text, :at, :vendor)""")
                .param("id", id)
                .param("status", status.id())
                .param("text", text.orElse(null), Types.VARCHAR)
                .param("at", utc(at))
                .param("vendor", vendor.map(Organization::prefixed).orElse(null), Types.VARCHAR)
                .update();
    }

    private void insertRecipientHistory(UUID id, Organization recipient, RecipientStatus status, Instant at,
                                        Optional<Organization> vendor, boolean ranged) {
        jdbc.sql("""
                        insert into recipient_status (file_transfer_id, org, status, changed, vendor, ranged)
                        values (:id, :org, :status, :at, :vendor, :ranged)""")
                .param("id", id)
                .param("org", recipient.number())
                .param("status", status.id())
                .param("at", utc(at))
                .param("vendor", vendor.map(Organization::prefixed).orElse(null), Types.VARCHAR)
                .param("ranged", ranged)
                .update();
    }

    /** A transfer row before its recipients are attached. */
    private record Row(FileTransfer transfer) {
        FileTransfer withRecipients(List<Recipient> recipients) {
            FileTransfer t = transfer;
            return new FileTransfer(t.id(), t.resourceId(), t.fileName(), t.sendersReference(), t.sender(),
                    t.senderOrganization(), t.checksum(), t.sha256(), t.fileSize(), t.useVirusScan(), t.created(),
                    t.expirationTime(), t.fileLocation(), t.status(), t.statusText(), t.statusChanged(), t.published(),
                    t.propertyList(), List.copyOf(recipients));
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(new FileTransfer(
                rs.getObject("id", UUID.class),
                rs.getString("resource_id"),
                rs.getString("file_name"),
                rs.getString("senders_reference"),
                rs.getString("sender"),
                new Organization(rs.getString("sender_org")),
                Optional.ofNullable(rs.getString("checksum")),
                Optional.ofNullable(rs.getString("sha256")),
                rs.getLong("file_size"),
                rs.getBoolean("use_virus_scan"),
                instant(rs, "created"),
                instant(rs, "expiration_time"),
                Optional.ofNullable(rs.getString("file_location")),
                TransferStatus.ofId(rs.getInt("status")),
                Optional.ofNullable(rs.getString("status_text")),
                instant(rs, "status_changed"),
                Optional.ofNullable(rs.getObject("published", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                properties(rs.getString("property_list")),
                List.of()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Map<String, String> properties(String json) {
        Map<String, String> map = JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
        });
        return java.util.Collections.unmodifiableMap(map);
    }
}
