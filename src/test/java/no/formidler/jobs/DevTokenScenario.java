package no.formidler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;

/**
 * A sender and a recipient on a fresh resource of a broker process, with tokens from its development issuer; and SQL
 * access to that broker's database, to count what a purge wrote. Public for other packages' process tests.
 */
public final class DevTokenScenario {
    final BrokerClient client;
    final String sender;
    final String recipient;
    final String resourceId;
    public final String senderToken;
    final String recipientToken;

    private DevTokenScenario(BrokerClient client, DevTokenScenario same) {
        this.client = client;
        this.sender = same.sender;
        this.recipient = same.recipient;
        this.resourceId = same.resourceId;
        this.senderToken = same.senderToken;
        this.recipientToken = same.recipientToken;
    }

    public DevTokenScenario(BrokerClient client, String settingsJson) {
        this.client = client;
        this.sender = Scenario.randomOrg();
        this.recipient = Scenario.randomOrg();
        this.resourceId = "resource-" + UUID.randomUUID().toString().substring(0, 8);
        String owner = Scenario.randomOrg();
        String ownerToken = token(owner, Scenario.SERVICE_OWNER);
        senderToken = token(sender, Scenario.WRITE + " " + Scenario.READ);
        recipientToken = token(recipient, Scenario.READ);
        assertThat(client.postJson("/broker/api/v1/serviceowner", ownerToken, "{\"name\":\"Owner\"}").status()).isEqualTo(200);
        assertThat(client.putJson("/broker/api/v1/resource/" + resourceId, ownerToken, settingsJson).status()).isEqualTo(204);
        assertThat(client.putJson("/broker/api/v1/resource/" + resourceId + "/policy", ownerToken, """
                {"rules":[{"subjects":["0192:%s"],"actions":["write","read"]},{"subjects":["0192:%s"],"actions":["read"]}]}"""
                .formatted(sender, recipient)).status()).isEqualTo(200);
    }

    /** The same parties talking to another broker (a restarted one, or another node). */
    DevTokenScenario on(BrokerClient other) {
        return new DevTokenScenario(other, this);
    }

    /** Waits for a change made by a job in another process: the only thing to watch there is the API. */
    void awaitStatus(String id, String status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!status.equals(status(id))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(id + " did not become " + status + " within " + timeout + "; it is " + status(id));
            }
            Thread.sleep(250);
        }
    }

    private String token(String org, String scopes) {
        var response = client.get("/dev/tokens/enterprise?orgNo=" + org + "&scopes=" + scopes.replace(" ", "%20"), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** Initializes and uploads through {@code via}; returns the id of the published transfer. */
    public String publish(BrokerClient via, byte[] content) {
        var initialized = via.postJson("/broker/api/v1/filetransfer", senderToken, """
                {"fileName":"report.pdf","resourceId":"%s","sendersFileTransferReference":"ref","sender":"0192:%s",
                 "recipients":["0192:%s"]}""".formatted(resourceId, sender, recipient));
        assertThat(initialized.status()).as(initialized.toString()).isEqualTo(200);
        String id = initialized.json().get("fileTransferId").asString();
        var uploaded = via.post("/broker/api/v1/filetransfer/" + id + "/upload", senderToken,
                HttpRequest.BodyPublishers.ofByteArray(content), "Content-Type", "application/octet-stream");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        return id;
    }

    public String status(String id) {
        return client.get("/broker/api/v1/filetransfer/" + id, senderToken).json().get("fileTransferStatus").asString();
    }

    List<String> history(String id) {
        return client.get("/broker/api/v1/filetransfer/" + id + "/details", senderToken).json()
                .get("fileTransferStatusHistory").findValuesAsString("fileTransferStatus");
    }

    /** The JDBC URL of the embedded PostgreSQL a standalone broker runs under {@code dataDir}. */
    static String embeddedDatabaseUrl(Path dataDir) throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres";
    }

    static long count(String jdbcUrl, String sql, String id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(id));
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static long purgedRows(String jdbcUrl, String id) throws SQLException {
        return count(jdbcUrl, "select count(*) from file_transfer_status where file_transfer_id = ? and status = 6", id);
    }

    static long events(String jdbcUrl, String id) throws SQLException {
        return count(jdbcUrl, "select count(*) from event_outbox where file_transfer_id = ? and type in ('no.altinn.broker.filepurged', 'no.altinn.broker.fileneverconfirmeddownloaded')", id);
    }

    /** How often brokers logged the start of a purge of {@code id}. */
    static long purgeRuns(String id, Path... logs) throws Exception {
        long runs = 0;
        for (Path log : java.util.stream.Stream.of(logs).distinct().toList()) { // a restart on the same port appends
            try (var lines = Files.lines(log)) {
                runs += lines.filter(l -> l.contains("Purge of file transfer " + id + " started")).count();
            }
        }
        return runs;
    }
}
