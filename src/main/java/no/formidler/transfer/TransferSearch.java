package no.formidler.transfer;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The search query: transfers the caller sends or receives on one resource, newest (or oldest) first, at most 100. */
@Repository
class TransferSearch {
    private final JdbcClient jdbc;

    TransferSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> find(SearchCriteria c) {
        String order = " order by sort " + (c.ascending() ? "asc" : "desc") + ", id limit " + SearchCriteria.MAX_RESULTS;
        String recipientPart = recipientPart(c) + order;
        String senderPart = "select t.id, " + sortColumn(c, "t") + " as sort from file_transfer t"
                + " where t.sender_org = :org and t.resource_id = :resource" + filters(c, sortColumn(c, "t")) + order;
        String union;
        if (c.recipientStatus().isPresent() || c.role() == SearchCriteria.SearchRole.Recipient) {
            union = "(" + recipientPart + ")";
        } else if (c.role() == SearchCriteria.SearchRole.Sender) {
            union = "(" + senderPart + ")";
        } else {
            // Each side is ordered and cut to the limit on its own (one index scan each) before they are merged.
            union = "(" + recipientPart + ") union (" + senderPart + ")";
        }
        String sql = "select id from (" + union + ") matches" + order;
        var statement = jdbc.sql(sql)
                .param("org", c.caller().number())
                .param("resource", c.resourceId());
        if (c.recipientStatus().isPresent()) {
            statement = statement.param("recipientStatus", c.recipientStatus().get().id());
        }
        if (c.status().isPresent()) {
            statement = statement.param("status", c.status().get().id());
        }
        if (c.from().isPresent()) {
            statement = statement.param("from", TransferRepository.utc(c.from().get()));
        }
        if (c.to().isPresent()) {
            statement = statement.param("to", TransferRepository.utc(c.to().get()));
        }
        return statement.query(UUID.class).list();
    }

    /**
     * The recipient side. Without a status filter it reads only the recipient rows (their copied resource and creation
     * time are indexed); with one it needs the transfer's current status and the time it entered it.
     */
    private static String recipientPart(SearchCriteria c) {
        String byRecipientStatus = c.recipientStatus().isPresent() ? " and r.status = :recipientStatus" : "";
        if (c.status().isEmpty()) {
            return "select r.file_transfer_id as id, r.created as sort from recipient r"
                    + " where r.org = :org and r.resource_id = :resource" + byRecipientStatus + filters(c, "r.created");
        }
        return "select t.id, t.status_changed as sort from file_transfer t join recipient r on r.file_transfer_id = t.id"
                + " where r.org = :org and r.resource_id = :resource" + byRecipientStatus + filters(c, "t.status_changed");
    }

    private static String sortColumn(SearchCriteria c, String alias) {
        return alias + (c.status().isPresent() ? ".status_changed" : ".created");
    }

    /** Only fixed SQL fragments are joined here; every value is a named parameter. */
    private static String filters(SearchCriteria c, String sortColumn) {
        StringBuilder sql = new StringBuilder();
        if (c.status().isPresent()) {
            sql.append(" and t.status = :status");
        }
        if (c.from().isPresent() && c.to().isPresent()) {
            sql.append(" and ").append(sortColumn).append(" between :from and :to");
        } else if (c.from().isPresent()) {
            sql.append(" and ").append(sortColumn).append(" > :from");
        } else if (c.to().isPresent()) {
            sql.append(" and ").append(sortColumn).append(" < :to");
        }
        return sql.toString();
    }
}
