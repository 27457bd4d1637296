package no.formidler.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.formidler.secrets.SecretBox;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Subscriptions and their delivery cursors. A worker leases a subscription before delivering to it (claimed with
 * {@code for update skip locked}, so nodes never deliver to the same subscription at once); every later update is
 * guarded by the lease token, and 0 rows changed means the lease was lost or the subscription deleted.
 */
@Repository
class SubscriptionRepository implements InitializingBean {
    private static final String COLUMNS = """
            id, end_point, resource_id, subject_org, type_filter, created_by, created, secret, validated,
            delivered_sequence, failing_since, failed_attempts, last_error, last_error_at""";
    private final JdbcClient jdbc;
    private final SecretBox secrets;

    SubscriptionRepository(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    Subscription insert(String endPoint, String resourceId, Optional<String> subjectOrg, Optional<String> typeFilter,
                        String createdBy, Instant now, String secret, long deliveredSequence) {
        return jdbc.sql("""
                        insert into event_subscription (end_point, resource_id, subject_org, type_filter, created_by,
                                                        created, secret, delivered_sequence, next_attempt)
                        values (:endPoint, :resource, :subject, :type, :createdBy, :now, :secret, :cursor, :now)
                        returning\s""" + COLUMNS)
                .param("endPoint", endPoint)
                .param("resource", resourceId)
                .param("subject", subjectOrg.orElse(null))
                .param("type", typeFilter.orElse(null))
                .param("createdBy", createdBy)
                .param("now", utc(now))
                .param("secret", secrets.seal(secret))
                .param("cursor", deliveredSequence)
                .query(this::map)
                .single();
    }

    Optional<Subscription> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from event_subscription where id = :id").param("id", id)
                .query(this::map).optional();
    }

    List<Subscription> createdBy(String org) {
        return jdbc.sql("select " + COLUMNS + " from event_subscription where created_by = :org order by id")
                .param("org", org).query(this::map).list();
    }

    boolean delete(long id, String createdBy) {
        return jdbc.sql("delete from event_subscription where id = :id and created_by = :org")
                .param("id", id).param("org", createdBy).update() == 1;
    }

    /**
     * Leases up to {@code limit} subscriptions that are due and have work: a handshake to send, or a matching event
     * past their cursor.
     */
    List<Subscription> claim(Instant now, Instant leaseUntil, UUID token, int limit) {
        return jdbc.sql("""
                        update event_subscription set lease_until = :leaseUntil, lease_token = :token
                         where id in (
                               select s.id from event_subscription s
                                where s.next_attempt <= :now and (s.lease_until is null or s.lease_until < :now)
                                  and (not s.validated or exists (
                                       select 1 from event_outbox o
                                        where o.resource_id = s.resource_id and o.sequence > s.delivered_sequence
                                          and (s.subject_org is null or o.subject_org = s.subject_org)
                                          and (s.type_filter is null or o.type = s.type_filter)))
                                order by s.next_attempt
                                limit :limit
                                  for update skip locked)
                        returning\s""" + COLUMNS)
                .param("now", utc(now))
                .param("leaseUntil", utc(leaseUntil))
                .param("token", token)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    boolean validated(long id, UUID token) {
        return jdbc.sql("""
                        update event_subscription set validated = true, failing_since = null, failed_attempts = 0
                         where id = :id and lease_token = :token""")
                .param("id", id).param("token", token).update() == 1;
    }

    /** The event at {@code sequence} was delivered (or given up on, with {@code error}): move the cursor past it. */
    boolean advance(long id, UUID token, long sequence, Optional<String> error, Instant now) {
        return jdbc.sql("""
                        update event_subscription
                           set delivered_sequence = :sequence, failing_since = null, failed_attempts = 0,
                               last_error = coalesce(:error, last_error),
                               last_error_at = case when cast(:error as text) is null then last_error_at else :now end
                         where id = :id and lease_token = :token""")
                .param("id", id).param("token", token).param("sequence", sequence)
                .param("error", error.orElse(null)).param("now", utc(now)).update() == 1;
    }

    boolean failed(long id, UUID token, String error, Instant now, Instant nextAttempt) {
        return jdbc.sql("""
                        update event_subscription
                           set failing_since = coalesce(failing_since, :now), failed_attempts = failed_attempts + 1,
                               last_error = :error, last_error_at = :now, next_attempt = :next,
                               lease_until = null, lease_token = null
                         where id = :id and lease_token = :token""")
                .param("id", id).param("token", token).param("error", error).param("now", utc(now))
                .param("next", utc(nextAttempt)).update() == 1;
    }

    /** Extends a lease still held; false when it was lost or the subscription deleted. */
    boolean renew(long id, UUID token, Instant until) {
        return jdbc.sql("update event_subscription set lease_until = :until where id = :id and lease_token = :token")
                .param("id", id).param("token", token).param("until", utc(until)).update() == 1;
    }

    void release(long id, UUID token) {
        jdbc.sql("update event_subscription set lease_until = null, lease_token = null where id = :id and lease_token = :token")
                .param("id", id).param("token", token).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    /**
     * At start-up: opens one sealed secret, so that a wrong key fails the start with {@link SecretBox.WrongKeyException}
     * instead of signing every webhook with garbage; then seals the secrets stored before sealing.
     */
    @Override
    public void afterPropertiesSet() {
        jdbc.sql("select secret from event_subscription where secret like 'sealed:v1:%' order by id limit 1")
                .query(String.class).optional().ifPresent(secrets::open);
        jdbc.sql("select id, secret from event_subscription where secret not like 'sealed:v1:%'")
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("secret"))).list()
                .forEach(plain -> jdbc.sql("update event_subscription set secret = :sealed where id = :id and secret = :plain")
                        .param("sealed", secrets.seal(plain.getValue())).param("id", plain.getKey())
                        .param("plain", plain.getValue()).update());
    }

    private Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getString("end_point"), rs.getString("resource_id"),
                Optional.ofNullable(rs.getString("subject_org")), Optional.ofNullable(rs.getString("type_filter")),
                rs.getString("created_by"), rs.getObject("created", OffsetDateTime.class).toInstant(),
                secrets.open(rs.getString("secret")), rs.getBoolean("validated"), rs.getLong("delivered_sequence"),
                instant(rs, "failing_since"), rs.getInt("failed_attempts"), Optional.ofNullable(rs.getString("last_error")),
                instant(rs, "last_error_at"));
    }
}
