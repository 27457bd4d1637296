package no.formidler.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: events are appended in the transaction of the state change that causes them, so that
 * no change commits without its events and no event outlives a rolled-back change. Appending the same event twice
 * is harmless (its id is deterministic).
 */
@Component
public class EventOutbox {
    private final JdbcClient jdbc;

    EventOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<TransferEvent> events) {
        for (TransferEvent event : events) {
            jdbc.sql("""
                            insert into event_outbox (id, type, resource_id, file_transfer_id, subject_org, role, time)
                            values (:id, :type, :resource, :transfer, :subject, :role, :time)
                            on conflict (id) do nothing""")
                    .param("id", event.id())
                    .param("type", event.type().wireType())
                    .param("resource", event.resourceId())
                    .param("transfer", event.fileTransferId())
                    .param("subject", event.subject().number())
                    .param("role", event.role().name())
                    .param("time", OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                    .update();
        }
    }
}
