package no.formidler.notify;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.formidler.auth.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The SQL of {@code notification_settings} and {@code notification_address}: both read by organisation (their keys). */
@Repository
class SettingsRepository {
    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    NotificationSettings find(Organization organization) {
        Optional<NotificationSettings> settings = jdbc.sql("""
                        select language, notify_when_all_confirmed from notification_settings where organization = :org""")
                .param("org", organization.number())
                .query((rs, n) -> new NotificationSettings(Language.of(rs.getString(1)).orElse(Language.NB), rs.getBoolean(2),
                        List.of()))
                .optional();
        return settings.map(s -> new NotificationSettings(s.language(), s.notifyWhenAllConfirmed(), addresses(organization)))
                .orElse(NotificationSettings.NONE);
    }

    private List<NotificationSettings.Address> addresses(Organization organization) {
        return jdbc.sql("""
                        select channel, address, resource_id from notification_address where organization = :org
                        order by channel, address, resource_id""")
                .param("org", organization.number())
                .query((rs, n) -> new NotificationSettings.Address(
                        NotificationSettings.Channel.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getString(2),
                        Optional.of(rs.getString(3)).filter(r -> !r.isEmpty())))
                .list();
    }

    /** Replaces the organisation's settings and addresses as a whole. */
    @Transactional
    void replace(Organization organization, NotificationSettings settings, Instant at) {
        jdbc.sql("""
                        insert into notification_settings (organization, language, notify_when_all_confirmed, updated)
                        values (:org, :language, :allConfirmed, :at)
                        on conflict (organization) do update set language = excluded.language,
                          notify_when_all_confirmed = excluded.notify_when_all_confirmed, updated = excluded.updated""")
                .param("org", organization.number())
                .param("language", settings.language().code())
                .param("allConfirmed", settings.notifyWhenAllConfirmed())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
        jdbc.sql("delete from notification_address where organization = :org").param("org", organization.number()).update();
        for (NotificationSettings.Address a : settings.addresses()) {
            jdbc.sql("""
                            insert into notification_address (organization, channel, address, resource_id)
                            values (:org, :channel, :address, :resource) on conflict do nothing""")
                    .param("org", organization.number())
                    .param("channel", a.channel().name().toLowerCase(Locale.ROOT))
                    .param("address", a.address())
                    .param("resource", a.resourceId().orElse(""))
                    .update();
        }
    }
}
