package no.formidler.auth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The jti values of answered grants, in PostgreSQL so that every node refuses a replay; each kept until it expires. */
class UsedAssertions implements MaskinportenGrant.Replays {
    private final JdbcClient jdbc;

    UsedAssertions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean firstUse(String clientId, String jti, Instant expires, Instant now) {
        jdbc.sql("delete from maskinporten_jti where expires < :now").param("now", utc(now)).update();
        return jdbc.sql("""
                insert into maskinporten_jti (client_id, jti, expires) values (:client, :jti, :expires)
                on conflict do nothing
                """)
                .param("client", clientId)
                .param("jti", jti)
                .param("expires", utc(expires))
                .update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
