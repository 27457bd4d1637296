package no.formidler.webapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import no.formidler.auth.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The web_session table: one row per signed-in browser, looked up by the hash of its cookie. */
@Repository
class WebSessionRepository {
    private final JdbcClient jdbc;

    WebSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WebSession s, Instant now) {
        jdbc.sql("""
                        insert into web_session (id_hash, org, role, csrf_token, token, token_expires, expires, created)
                        values (:id, :org, :role, :csrf, :token, :tokenExpires, :expires, :created)""")
                .param("id", s.idHash()).param("org", s.org().number()).param("role", s.role().id())
                .param("csrf", s.csrfToken()).param("token", s.token())
                .param("tokenExpires", utc(s.tokenExpires())).param("expires", utc(s.expires()))
                .param("created", utc(now))
                .update();
    }

    Optional<WebSession> find(String idHash, Instant now) {
        return jdbc.sql("select * from web_session where id_hash = :id and expires > :now")
                .param("id", idHash).param("now", utc(now))
                .query(WebSessionRepository::row).optional();
    }

    void renewToken(String idHash, String token, Instant tokenExpires) {
        jdbc.sql("update web_session set token = :token, token_expires = :tokenExpires where id_hash = :id")
                .param("id", idHash).param("token", token).param("tokenExpires", utc(tokenExpires))
                .update();
    }

    void delete(String idHash) {
        jdbc.sql("delete from web_session where id_hash = :id").param("id", idHash).update();
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("delete from web_session where expires <= :now").param("now", utc(now)).update();
    }

    private static WebSession row(ResultSet rs, int n) throws SQLException {
        return new WebSession(rs.getString("id_hash"), new Organization(rs.getString("org").trim()),
                SignInRole.of(rs.getString("role")).orElseThrow(), rs.getString("csrf_token"), rs.getString("token"),
                rs.getObject("token_expires", OffsetDateTime.class).toInstant(),
                rs.getObject("expires", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
