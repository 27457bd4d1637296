package no.formidler.resource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import no.formidler.auth.Action;
import no.formidler.auth.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The resource and resource_access_rule tables. */
@Repository
class ResourceRepository {
    private final JdbcClient jdbc;

    ResourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored settings, as given (durations as text). */
    record StoredSettings(String id, Organization owner, Long maxFileTransferSize, String timeToLive,
                          boolean purgeAfterAllConfirmed, String gracePeriod, boolean useManifestFileShim,
                          String externalServiceCodeLegacy, Integer externalServiceEditionCodeLegacy,
                          String requiredParty, boolean approvedForDisabledVirusScan) {
    }

    Optional<StoredSettings> find(String id) {
        return jdbc.sql("""
                        select r.*, o.org from resource r join service_owner o on o.id = r.service_owner_id
                        where r.id = :id""")
                .param("id", id)
                .query(ResourceRepository::settings)
                .optional();
    }

    List<String> idsOwnedBy(Organization owner) {
        return jdbc.sql("select id from resource where service_owner_id = :owner order by id")
                .param("owner", owner.prefixed())
                .query(String.class)
                .list();
    }

    /** Creates the resource for {@code owner}, or does nothing when it exists. */
    void createIfAbsent(String id, Organization owner, Instant now) {
        jdbc.sql("""
                        insert into resource (id, service_owner_id, created) values (:id, :owner, :created)
                        on conflict (id) do nothing""")
                .param("id", id)
                .param("owner", owner.prefixed())
                .param("created", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    /** Sets the operator's approval for transfers without malware scanning; false when there is no such resource. */
    boolean approveDisabledVirusScan(String id, boolean approved) {
        return jdbc.sql("update resource set approved_for_disabled_virus_scan = :approved where id = :id")
                .param("approved", approved)
                .param("id", id)
                .update() == 1;
    }

    /** Applies the fields present in {@code change}, all in one statement. */
    void apply(String id, ResourceSettingsChange change) {
        jdbc.sql("""
                        update resource set
                          max_file_transfer_size = coalesce(:max, max_file_transfer_size),
                          file_transfer_time_to_live = coalesce(:ttl, file_transfer_time_to_live),
                          purge_after_all_confirmed = coalesce(:purge, purge_after_all_confirmed),
                          purge_grace_period = coalesce(:grace, purge_grace_period),
                          use_manifest_file_shim = coalesce(:shim, use_manifest_file_shim),
                          external_service_code_legacy = coalesce(:code, external_service_code_legacy),
                          external_service_edition_legacy = coalesce(:edition, external_service_edition_legacy),
                          required_party = case when cast(:requiredParty as text) is null then required_party
                                                when cast(:requiredParty as text) = '' then null
                                                else cast(:requiredParty as text) end
                        where id = :id""")
                .param("max", change.maxFileTransferSize(), java.sql.Types.BIGINT)
                .param("ttl", change.fileTransferTimeToLive(), java.sql.Types.VARCHAR)
                .param("purge", change.purgeFileTransferAfterAllRecipientsConfirmed(), java.sql.Types.BOOLEAN)
                .param("grace", change.purgeFileTransferGracePeriod(), java.sql.Types.VARCHAR)
                .param("shim", change.useManifestFileShim(), java.sql.Types.BOOLEAN)
                .param("code", change.externalServiceCodeLegacy(), java.sql.Types.VARCHAR)
                .param("edition", change.externalServiceEditionCodeLegacy(), java.sql.Types.INTEGER)
                .param("requiredParty", change.requiredParty(), java.sql.Types.VARCHAR)
                .param("id", id)
                .update();
    }

    /** One grant of an action to a subject (a 9-digit organisation number or {@code *}). */
    record Grant(int ruleIndex, String subject, Action action) {
    }

    List<Grant> grants(String resourceId) {
        return jdbc.sql("select rule_index, subject, action from resource_access_rule where resource_id = :id order by rule_index, subject, action")
                .param("id", resourceId)
                .query((rs, n) -> new Grant(rs.getInt(1), rs.getString(2), Action.fromWireName(rs.getString(3)).orElseThrow()))
                .list();
    }

    void replaceGrants(String resourceId, List<Grant> grants) {
        jdbc.sql("delete from resource_access_rule where resource_id = :id").param("id", resourceId).update();
        for (Grant grant : grants) {
            jdbc.sql("""
                            insert into resource_access_rule (resource_id, rule_index, subject, action)
                            values (:id, :index, :subject, :action) on conflict do nothing""")
                    .param("id", resourceId)
                    .param("index", grant.ruleIndex())
                    .param("subject", grant.subject())
                    .param("action", grant.action().wireName())
                    .update();
        }
    }

    boolean isGranted(String resourceId, Organization party, Action action) {
        return jdbc.sql("""
                        select exists (select 1 from resource_access_rule
                          where resource_id = :id and action = :action and subject in (:party, '*'))""")
                .param("id", resourceId)
                .param("action", action.wireName())
                .param("party", party.number())
                .query(Boolean.class)
                .single();
    }

    private static StoredSettings settings(ResultSet rs, int row) throws SQLException {
        return new StoredSettings(
                rs.getString("id"),
                new Organization(rs.getString("org")),
                rs.getObject("max_file_transfer_size", Long.class),
                rs.getString("file_transfer_time_to_live"),
                rs.getBoolean("purge_after_all_confirmed"),
                rs.getString("purge_grace_period"),
                rs.getBoolean("use_manifest_file_shim"),
                rs.getString("external_service_code_legacy"),
                rs.getObject("external_service_edition_legacy", Integer.class),
                rs.getString("required_party"),
                rs.getBoolean("approved_for_disabled_virus_scan"));
    }
}
