package no.formidler.resource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import no.formidler.auth.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The service_owner table. */
@Repository
class ServiceOwnerRepository {
    private final JdbcClient jdbc;

    ServiceOwnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the owner; false when it already existed. */
    boolean insert(Organization org, String name, Instant now) {
        return jdbc.sql("""
                        insert into service_owner (id, org, name, created) values (:id, :org, :name, :created)
                        on conflict do nothing""")
                .param("id", org.prefixed())
                .param("org", org.number())
                .param("name", name)
                .param("created", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update() == 1;
    }

    Optional<String> name(Organization org) {
        return jdbc.sql("select name from service_owner where id = :id")
                .param("id", org.prefixed())
                .query(String.class)
                .optional();
    }
}
