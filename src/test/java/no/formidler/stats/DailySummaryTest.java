package no.formidler.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * E14/E15 (docs/compatibility.md §1) for operators: the Parquet file read back by DuckDB, its sums checked against the
 * database.
 */
class DailySummaryTest extends ApiTest {
    private static final String DOWNLOAD = "/broker/api/v1/statistics/generate-and-download-daily-summary";

    @Autowired
    JdbcClient jdbc;

    private String operatorToken() {
        return ISSUER.enterprise(Scenario.randomOrg(), "altinn:broker.maintenance");
    }

    private Path download(String query) throws Exception {
        Path file = Files.createTempFile("summary-", ".parquet");
        HttpResponse<Path> response = client.send(client.request(DOWNLOAD + query, operatorToken(),
                        "Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .containsPattern("\\d{8}_\\d{6}_daily_summary_report_A3_standalone\\.");
        assertThat(Long.parseLong(response.headers().firstValue("X-File-Size").orElseThrow())).isEqualTo(Files.size(file));
        return file;
    }

    @Test
    void theParquetSummaryAddsUpToTheDatabaseAndHasTheScenariosRow() throws Exception {
        Scenario s = scenario().ready();
        s.publish("twelve bytes".getBytes(StandardCharsets.UTF_8));
        s.publish("eight b!".getBytes(StandardCharsets.UTF_8));
        s.initialize();

        Path parquet = download("");

        long transfers = jdbc.sql("select count(*) from file_transfer").query(Long.class).single();
        long bytes = jdbc.sql("select coalesce(sum(file_size), 0) from file_transfer").query(Long.class).single();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet totals = duck.createStatement().executeQuery(
                     "select sum(filetransfercount), sum(filestoragebytes) from read_parquet('" + parquet + "')")) {
            totals.next();
            assertThat(totals.getLong(1)).isEqualTo(transfers);
            assertThat(totals.getLong(2)).isEqualTo(bytes);
            ResultSet mine = duck.createStatement().executeQuery("""
                    select date, year, month, day, service_owner_id_pk, service_owner_name, file_sender_id,
                           recipient_type, altinn_version, filetransfercount, databasestoragebytes, filestoragebytes
                    from read_parquet('%s') where resource_id = '%s'""".formatted(parquet, s.resourceId));
            assertThat(mine.next()).isTrue();
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            assertThat(mine.getString(1)).isEqualTo(today.toString());
            assertThat(List.of(mine.getInt(2), mine.getInt(3), mine.getInt(4)))
                    .containsExactly(today.getYear(), today.getMonthValue(), today.getDayOfMonth());
            assertThat(mine.getString(5)).isEqualTo("0192:" + s.owner);
            assertThat(mine.getString(6)).isEqualTo("Owner " + s.owner);
            assertThat(mine.getString(7)).isEqualTo(s.sender);
            assertThat(mine.getString(8)).isEqualTo("Organization");
            assertThat(mine.getString(9)).isEqualTo("Altinn3");
            assertThat(List.of(mine.getLong(10), mine.getLong(11), mine.getLong(12))).containsExactly(3L, 0L, 20L);
            assertThat(mine.next()).as("one row per day, owner, sender and resource").isFalse();
        } finally {
            Files.deleteIfExists(parquet);
        }
    }

    @Test
    void theCsvSummaryHasTheSameColumns() throws Exception {
        Scenario s = scenario().ready();
        s.publish("x".getBytes(StandardCharsets.UTF_8));

        Path csv = download("?format=csv");
        try {
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(0)).isEqualTo(String.join(",", DailySummaryFiles.COLUMNS));
            assertThat(lines).anyMatch(line -> line.contains("," + s.resourceId + "," + s.resourceId
                    + ",Organization,Altinn3,1,0,1"));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void generateKeepsTheFileInTheStoreAndDescribesIt() {
        scenario().ready().publish("x".getBytes(StandardCharsets.UTF_8));
        var response = client.postJson("/broker/api/v1/statistics/generate-daily-summary", operatorToken(), "{}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var body = response.json();
        assertThat(body.get("filePath").asString()).startsWith("reports/").endsWith("_daily_summary_report_A3_standalone.parquet");
        assertThat(body.get("fileHash").asString()).hasSize(24);
        assertThat(body.get("fileSizeBytes").asLong()).isPositive();
        assertThat(body.get("totalFileTransferCount").asLong()).isPositive();
        assertThat(body.get("altinn2Included").asBoolean()).isFalse();
        assertThat(Files.exists(DATA_DIR.resolve("blobs").resolve(body.get("filePath").asString()))).isTrue();
    }

    @Test
    void onlyOperatorsMayAskForTheSummary() {
        Scenario s = scenario().ready();
        assertThat(client.postJson("/broker/api/v1/statistics/generate-daily-summary", s.ownerToken, "{}").status())
                .isEqualTo(403);
        assertThat(client.postJson(DOWNLOAD, s.senderToken, "{}").status()).isEqualTo(403);
        assertThat(client.postJson(DOWNLOAD, null, "{}").status()).isEqualTo(401);
    }
}
