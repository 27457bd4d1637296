package no.formidler.resource;

import java.util.List;
import no.formidler.auth.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The resources whose access rules grant an organisation an action (by its number or to any organisation), so the web
 * app can offer a sender the resources it may send on. Offering is not deciding: the API still asks the policy
 * decision point on every request, and an access list may still refuse a recipient.
 */
@Repository
public class PartyResources {
    private final JdbcClient jdbc;

    PartyResources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids in id order; {@code action} is {@code read}, {@code write} or {@code subscribe}. */
    public List<String> granting(Organization org, String action) {
        return jdbc.sql("""
                        select distinct resource_id from resource_access_rule
                        where subject in (:org, '*') and action = :action
                        order by resource_id limit 500""")
                .param("org", org.number()).param("action", action)
                .query(String.class).list();
    }
}
