package no.formidler.resource;

import java.util.List;
import no.formidler.auth.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The resource_access_list and resource_access_list_member tables. */
@Repository
class AccessListRepository {
    private final JdbcClient jdbc;

    AccessListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record AccessList(boolean enabled, List<Organization> members) {
    }

    AccessList find(String resourceId) {
        boolean enabled = jdbc.sql("select enabled from resource_access_list where resource_id = :id")
                .param("id", resourceId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        List<Organization> members = jdbc.sql("select org from resource_access_list_member where resource_id = :id order by org")
                .param("id", resourceId)
                .query((rs, n) -> new Organization(rs.getString(1)))
                .list();
        return new AccessList(enabled, members);
    }

    void replace(String resourceId, AccessList list) {
        jdbc.sql("""
                        insert into resource_access_list (resource_id, enabled) values (:id, :enabled)
                        on conflict (resource_id) do update set enabled = excluded.enabled""")
                .param("id", resourceId)
                .param("enabled", list.enabled())
                .update();
        jdbc.sql("delete from resource_access_list_member where resource_id = :id").param("id", resourceId).update();
        for (Organization member : list.members()) {
            jdbc.sql("""
                            insert into resource_access_list_member (resource_id, org) values (:id, :org)
                            on conflict do nothing""")
                    .param("id", resourceId)
                    .param("org", member.number())
                    .update();
        }
    }

    /** True when the resource has no enabled list, or the organisation is on it. */
    boolean admits(String resourceId, Organization org) {
        return jdbc.sql("""
                        select not exists (select 1 from resource_access_list l where l.resource_id = :id and l.enabled)
                            or exists (select 1 from resource_access_list_member m where m.resource_id = :id and m.org = :org)""")
                .param("id", resourceId)
                .param("org", org.number())
                .query(Boolean.class)
                .single();
    }
}
