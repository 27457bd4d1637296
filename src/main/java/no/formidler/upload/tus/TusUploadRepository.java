package no.formidler.upload.tus;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import no.formidler.storage.PartedBlobStore.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tus_upload and tus_part tables. */
@Repository
class TusUploadRepository {
    private static final Logger log = LoggerFactory.getLogger(TusUploadRepository.class);
    private static final Pattern BLOB_KEY = Pattern.compile("\\d{9}/[0-9a-f-]{36}/[0-9a-f-]{36}");
    private final JdbcClient jdbc;

    TusUploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Another request holds the upload's row lock or its lease: it is writing to the upload right now. */
    static final class UploadLockedException extends RuntimeException {
        UploadLockedException(Throwable cause) {
            super("The upload is locked by another request", cause);
        }
    }

    void insert(TusUpload u, Instant now) {
        jdbc.sql("""
                        insert into tus_upload (id, file_transfer_id, kind, upload_length, upload_offset,
                          metadata, concat_parts, blob_key, expires, finished, created)
                        values (:id, :transfer, :kind, :length, :offset, :metadata, cast(:parts as uuid[]),
                          :blobKey, :expires, :finished, :created)""")
                .param("id", u.id())
                .param("transfer", u.fileTransferId())
                .param("kind", u.kind().dbValue())
                .param("length", u.length())
                .param("offset", u.offset())
                .param("metadata", u.metadata().orElse(null), Types.VARCHAR)
                .param("parts", u.concatParts().isEmpty() ? null : "{" + String.join(",",
                        u.concatParts().stream().map(UUID::toString).toList()) + "}", Types.VARCHAR)
                .param("blobKey", u.blobKey())
                .param("expires", utc(u.expires()))
                .param("finished", u.finished())
                .param("created", utc(now))
                .update();
    }

    Optional<TusUpload> find(UUID id) {
        return jdbc.sql("select * from tus_upload where id = :id").param("id", id).query((rs, n) -> trusted(row(rs))).optional();
    }

    /**
     * Locks the upload's row for this transaction, or fails at once when another request holds the row or a PATCH's
     * live lease on it.
     */
    Optional<TusUpload> lock(UUID id) {
        record Locked(TusUpload upload, boolean leased) {
        }
        Optional<Locked> locked;
        try {
            locked = jdbc.sql("""
                            select *, coalesce(lease_expires > now(), false) as leased from tus_upload where id = :id
                            for update nowait""")
                    .param("id", id).query((rs, n) -> new Locked(trusted(row(rs)), rs.getBoolean("leased"))).optional();
        } catch (DataAccessException e) {
            if (lockNotAvailable(e)) {
                throw new UploadLockedException(e);
            }
            throw e;
        }
        if (locked.filter(Locked::leased).isPresent()) {
            throw new UploadLockedException(null);
        }
        return locked.map(Locked::upload);
    }

    /**
     * Locks the upload's row for this transaction if {@code owner} still holds its live lease (a completion about to
     * commit); empty when the lease ran out or is another's, or the upload is gone.
     */
    Optional<TusUpload> lockLeased(UUID id, UUID owner) {
        return jdbc.sql("""
                        select * from tus_upload where id = :id and lease_owner = :owner and lease_expires > now()
                        for update""")
                .param("id", id).param("owner", owner).query((rs, n) -> trusted(row(rs))).optional();
    }

    /** An upload as its lease was taken, with the number of parts it has recorded. */
    record Leased(TusUpload upload, int parts) {
    }

    /**
     * Takes the lease on the upload for {@code owner} unless another live lease holds it: the upload as it is now
     * (with its part count, so a PATCH needs no other read), or empty when there is no such upload. The database's
     * clock is the only one leases are measured by.
     */
    Optional<Leased> takeLease(UploadRef ref, UUID owner, Duration duration) {
        Optional<Leased> taken = jdbc.sql("""
                        update tus_upload set lease_owner = :owner,
                          lease_expires = now() + make_interval(secs => :seconds)
                        where id = :id and file_transfer_id = :transferId
                          and not coalesce(lease_expires > now(), false)
                        returning *, (select count(*) from tus_part where upload_id = tus_upload.id) as parts""")
                .param("owner", owner).param("seconds", duration.toMillis() / 1000.0)
                .param("id", ref.uploadId()).param("transferId", ref.fileTransferId())
                .query((rs, n) -> new Leased(trusted(row(rs)), rs.getInt("parts"))).optional();
        if (taken.isEmpty() && find(ref.uploadId()).filter(ref::owns).isPresent()) {
            throw new UploadLockedException(null);
        }
        return taken;
    }

    /** Extends {@code owner}'s lease; false when it is no longer theirs. */
    boolean renewLease(UUID id, UUID owner, Duration duration) {
        return jdbc.sql("""
                        update tus_upload set lease_expires = now() + make_interval(secs => :seconds)
                        where id = :id and lease_owner = :owner""")
                .param("seconds", duration.toMillis() / 1000.0).param("id", id).param("owner", owner).update() == 1;
    }

    void releaseLease(UUID id, UUID owner) {
        jdbc.sql("update tus_upload set lease_owner = null, lease_expires = null where id = :id and lease_owner = :owner")
                .param("id", id).param("owner", owner).update();
    }

    List<TusUpload> forTransfer(UUID fileTransferId) {
        return jdbc.sql("select * from tus_upload where file_transfer_id = :id order by created")
                .param("id", fileTransferId).query((rs, n) -> row(rs)).list();
    }

    /**
     * Records a stored part, moves the upload's offset past it and ends {@code owner}'s lease, in one statement (so
     * atomic without a transaction of the caller's, and one round trip); false (and nothing changed) when the lease is
     * no longer {@code owner}'s.
     */
    boolean recordPart(UUID id, UUID owner, Part part, Optional<UUID> digestsId, Instant expires, boolean finished) {
        return jdbc.sql("""
                        with moved as (
                          update tus_upload set upload_offset = :end, digests_id = :digests, expires = :expires,
                            finished = :finished, lease_owner = null, lease_expires = null
                          where id = :id and lease_owner = :owner
                          returning id)
                        insert into tus_part (upload_id, number, upload_offset, size, tag)
                        select id, :number, :offset, :size, :tag from moved""")
                .param("end", part.offset() + part.size())
                .param("digests", digestsId.orElse(null), Types.OTHER)
                .param("expires", utc(expires))
                .param("finished", finished)
                .param("id", id)
                .param("owner", owner)
                .param("number", part.number())
                .param("offset", part.offset())
                .param("size", part.size())
                .param("tag", part.tag())
                .update() == 1;
    }

    List<Part> parts(UUID id) {
        return jdbc.sql("select * from tus_part where upload_id = :id order by number").param("id", id)
                .query((rs, n) -> new Part(rs.getInt("number"), rs.getLong("upload_offset"), rs.getLong("size"),
                        rs.getString("tag")))
                .list();
    }

    void delete(UUID id) {
        jdbc.sql("delete from tus_upload where id = :id").param("id", id).update();
    }

    /**
     * Expired uploads to clean up (unfinished ones, and partials no final has joined), locked for this transaction:
     * rows another transaction or a live lease holds are skipped, and so are those in {@code skipped} (their cleanup
     * failed in this sweep).
     */
    List<TusUpload> claimExpired(Instant now, Collection<UUID> skipped, int limit) {
        return jdbc.sql("""
                        select * from tus_upload where (not finished or kind = 'partial') and expires <= :now
                          and not coalesce(lease_expires > now(), false)
                          and (:noneSkipped or id not in (:skipped))
                        order by expires limit :limit for update skip locked""")
                .param("now", utc(now))
                .param("noneSkipped", skipped.isEmpty())
                .param("skipped", skipped.isEmpty() ? List.of(new UUID(0, 0)) : skipped)
                .param("limit", limit)
                .query((rs, n) -> row(rs)).list();
    }

    /**
     * Lets the transfer's unfinished uploads expire at {@code at}, so the next sweep discards their bytes. An upload a
     * PATCH is writing right now is skipped (waiting for it would hold the transfer's lock for the whole chunk); it
     * keeps its own expiry, and no further PATCH is accepted for a transfer that no longer takes an upload.
     */
    int expireUnfinished(UUID fileTransferId, Instant at) {
        return jdbc.sql("""
                        update tus_upload set expires = :at where id in (
                          select id from tus_upload where file_transfer_id = :transfer and (not finished or kind = 'partial')
                          and expires > :at for update skip locked)""")
                .param("at", utc(at))
                .param("transfer", fileTransferId)
                .update();
    }

    /** Finished uploads whose completion has been pending since before {@code before} (a node died finishing them). */
    List<UUID> stalledFinished(Instant before, int limit) {
        return jdbc.sql("""
                        select id from tus_upload where finished and kind <> 'partial' and expires <= :before
                        order by expires limit :limit""")
                .param("before", utc(before))
                .param("limit", limit)
                .query(UUID.class).list();
    }

    /** PostgreSQL's lock_not_available, which Spring does not translate into a locking exception on every path. */
    private static boolean lockNotAvailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The upload as a request may use it, after the checks the database's own constraints (0 ≤ offset ≤ length) do not
     * make: finished only with every byte stored, the blob key this transfer's own {@code <owner>/<transfer>/<id>},
     * concatenation parts only on a final upload. A row that fails them was changed outside the broker; it is refused
     * (410: the client starts a new upload) rather than resumed, completed or written to.
     */
    static TusUpload trusted(TusUpload u) {
        String problem = u.finished() && u.offset() != u.length() ? "finished before its last byte"
                : !BLOB_KEY.matcher(u.blobKey()).matches() || !u.blobKey().contains("/" + u.fileTransferId() + "/")
                ? "its blob key is not this transfer's"
                : (u.kind() == TusUpload.Kind.FINAL) == u.concatParts().isEmpty() ? "its concatenation parts do not fit its kind"
                : null;
        if (problem != null) {
            log.error("TUS upload {} of transfer {} failed its integrity check: {}", u.id(), u.fileTransferId(), problem);
            throw TusError.STATE_FAILED_INTEGRITY.exception(problem);
        }
        return u;
    }

    private static TusUpload row(ResultSet rs) throws SQLException {
        Array parts = rs.getArray("concat_parts");
        List<UUID> concat = parts == null ? List.of() : Arrays.asList((UUID[]) parts.getArray());
        return new TusUpload(rs.getObject("id", UUID.class), rs.getObject("file_transfer_id", UUID.class),
                TusUpload.Kind.of(rs.getString("kind")), rs.getLong("upload_length"), rs.getLong("upload_offset"),
                Optional.ofNullable(rs.getObject("digests_id", UUID.class)), Optional.ofNullable(rs.getString("metadata")), List.copyOf(concat),
                rs.getString("blob_key"), rs.getObject("expires", OffsetDateTime.class).toInstant(),
                rs.getBoolean("finished"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
