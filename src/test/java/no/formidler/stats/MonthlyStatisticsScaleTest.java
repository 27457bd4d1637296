package no.formidler.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17, finding 2: the monthly report grows linearly with a transfer's recipients. 20,000 recipients (more than
 * the API lets a transfer have: they are added directly, as an old transfer could have them) once took minutes.
 */
class MonthlyStatisticsScaleTest extends ApiTest {
    private static final int RECIPIENTS = 20_000;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTransferWithTwentyThousandRecipientsIsReportedInSeconds() {
        Scenario s = scenario().ready();
        String id = s.initialize("", List.of(s.recipient1));
        assertThat(s.upload(id, "x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        UUID transfer = UUID.fromString(id);
        jdbc.sql("""
                        insert into recipient (file_transfer_id, org, status, status_changed, resource_id, created)
                        select r.file_transfer_id, (100000000 + n)::text, r.status, r.status_changed, r.resource_id, r.created
                        from recipient r cross join generate_series(1, :n) n where r.file_transfer_id = :id""")
                .param("n", RECIPIENTS - 1).param("id", transfer).update();
        jdbc.sql("""
                        insert into recipient_status (file_transfer_id, org, status, changed, vendor)
                        select rs.file_transfer_id, (100000000 + n)::text, rs.status, rs.changed, 'vendor'
                        from (select * from recipient_status where file_transfer_id = :id limit 1) rs
                        cross join generate_series(1, :n) n""")
                .param("n", RECIPIENTS - 1).param("id", transfer).update();
        YearMonth month = YearMonth.now(clock);

        Instant start = Instant.now();
        var response = client.get("/broker/api/v1/statistics/monthly?year=%d&month=%d&resourceId=%s"
                .formatted(month.getYear(), month.getMonthValue(), s.resourceId), s.ownerToken);
        Duration took = Duration.between(start, Instant.now());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body().lines()).hasSize(RECIPIENTS + 1);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }
}
