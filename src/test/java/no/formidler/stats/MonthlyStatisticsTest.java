package no.formidler.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** E13 (docs/compatibility.md §1) over real HTTP: the reference's worked example, its errors, and who may ask. */
class MonthlyStatisticsTest extends ApiTest {
    private static final String HEADER = "year,month,resourceId,senderVendor,recipientVendor,sender,recipient,"
            + "totalFileTransfers,uploadCount,totalTransferDownloadAttempts,transfersWithDownloadConfirmed";

    private BrokerClient.Response monthly(Scenario s, String token, String query) {
        return s.client.get("/broker/api/v1/statistics/monthly?" + query, token);
    }

    private String thisMonth() {
        YearMonth month = YearMonth.now(clock);
        return "year=" + month.getYear() + "&month=" + month.getMonthValue();
    }

    @Test
    void threeTransfersTwoPublishedThreeDownloadsTwoConfirmedMakeOneRow() {
        Scenario s = scenario().ready();
        byte[] content = "statistics".getBytes(StandardCharsets.UTF_8);
        String first = s.initialize("", List.of(s.recipient1));
        String second = s.initialize("", List.of(s.recipient1));
        s.initialize("", List.of(s.recipient1));
        assertThat(s.upload(first, content).status()).isEqualTo(200);
        assertThat(s.upload(second, content).status()).isEqualTo(200);
        assertThat(s.download(first, s.recipient1Token).status()).isEqualTo(200);
        assertThat(s.download(first, s.recipient1Token).status()).isEqualTo(200);
        assertThat(s.download(second, s.recipient1Token).status()).isEqualTo(200);
        assertThat(s.confirm(first, s.recipient1Token).status()).isEqualTo(204);
        assertThat(s.confirm(second, s.recipient1Token).status()).isEqualTo(204);
        YearMonth month = YearMonth.now(clock);

        var response = monthly(s, s.ownerToken, thisMonth() + "&resourceId=" + s.resourceId);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition"))
                .contains("attachment").contains("monthly_statistics_" + s.resourceId + "_" + month + ".csv");
        assertThat(response.body()).isEqualTo(HEADER + "\n" + "%d,%d,%s,,,0192:%s,0192:%s,3,2,3,2\n".formatted(
                month.getYear(), month.getMonthValue(), s.resourceId, s.sender, s.recipient1));
    }

    @Test
    void withoutEndUsersBothRecipientsMergeIntoTheSendersVendorRow() {
        Scenario s = scenario().ready();
        s.publish("x".getBytes(StandardCharsets.UTF_8));

        var response = monthly(s, s.ownerToken, thisMonth() + "&includeEndUser=false&includeVendor=true");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Disposition")).contains("monthly_statistics_all-resources_");
        YearMonth month = YearMonth.now(clock);
        assertThat(response.body().lines()).containsExactly(HEADER,
                month.getYear() + "," + month.getMonthValue() + "," + s.resourceId + ",0192:" + s.sender + ",,,,2,2,0,0");
    }

    @Test
    void aMonthWithoutActivityHasOnlyTheHeader() {
        Scenario s = scenario().ready();
        s.publish("x".getBytes(StandardCharsets.UTF_8));

        assertThat(monthly(s, s.ownerToken, "year=2001&month=1").body()).isEqualTo(HEADER + "\n");
    }

    @Test
    void anInvalidPeriodIsRefusedWithBro06003() {
        Scenario s = scenario().ready();
        for (String query : List.of("year=2026&month=13", "year=0&month=1", "year=9999&month=12", "year=2026&month=0")) {
            var response = monthly(s, s.ownerToken, query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("BRO-06003");
        }
    }

    @Test
    void neitherEndUsersNorVendorsIsRefusedWithBro06005() {
        Scenario s = scenario().ready();
        var response = monthly(s, s.ownerToken, "year=2026&month=1&includeEndUser=false&includeVendor=false");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("BRO-06005");
    }

    @Test
    void anotherOwnersResourceIsRefusedWith401AndAnUnknownOneWith400() {
        Scenario mine = scenario().ready();
        Scenario theirs = scenario().ready();

        var foreign = monthly(mine, mine.ownerToken, "year=2026&month=1&resourceId=" + theirs.resourceId);
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.json().get("code").asString()).isEqualTo("BRO-00006");

        var unknown = monthly(mine, mine.ownerToken, "year=2026&month=1&resourceId=no-such-resource");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asString()).isEqualTo("BRO-00025");
    }

    @Test
    void aSenderTokenIsForbiddenAndNoTokenIsUnauthorized() {
        Scenario s = scenario().ready();
        assertThat(monthly(s, s.senderToken, "year=2026&month=1").status()).isEqualTo(403);
        assertThat(monthly(s, null, "year=2026&month=1").status()).isEqualTo(401);
    }

    @Test
    void aJsonOnlyAcceptHeaderIsRefusedWith406() {
        Scenario s = scenario().ready();
        var response = s.client.get("/broker/api/v1/statistics/monthly?year=2026&month=1", s.ownerToken,
                "Accept", "application/json");
        assertThat(response.status()).isEqualTo(406);
    }
}
