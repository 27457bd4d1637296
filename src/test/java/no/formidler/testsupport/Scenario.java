package no.formidler.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A fresh cast for one test: a service owner with a resource whose rules let {@link #sender} send and the two
 * recipients receive, with tokens for each. Organisation numbers are random so tests do not see each other's data.
 */
public final class Scenario {
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String WRITE = "altinn:broker.write";
    public static final String READ = "altinn:broker.read";
    public static final String SERVICE_OWNER = "altinn:serviceowner";

    public final BrokerClient client;
    public final TestIssuer issuer;
    public final String owner = randomOrg();
    public final String sender = randomOrg();
    public final String recipient1 = randomOrg();
    public final String recipient2 = randomOrg();
    public final String outsider = randomOrg();
    public final String resourceId = "resource-" + UUID.randomUUID().toString().substring(0, 8);

    public final String ownerToken;
    public final String senderToken;
    public final String recipient1Token;
    public final String recipient2Token;
    public final String outsiderToken;

    Scenario(BrokerClient client, TestIssuer issuer) {
        this.client = client;
        this.issuer = issuer;
        ownerToken = issuer.enterprise(owner, SERVICE_OWNER);
        senderToken = issuer.enterprise(sender, WRITE + " " + READ);
        recipient1Token = issuer.enterprise(recipient1, READ);
        recipient2Token = issuer.enterprise(recipient2, READ);
        outsiderToken = issuer.enterprise(outsider, WRITE + " " + READ);
    }

    /** A scenario against any broker (for example a separate process) that trusts {@code issuer}. */
    public static Scenario on(BrokerClient client, TestIssuer issuer) {
        return new Scenario(client, issuer);
    }

    public static String randomOrg() {
        return String.valueOf(310_000_000 + RANDOM.nextInt(600_000_000));
    }

    /** Registers the owner, configures the resource with {@code settingsJson} and grants the default rules. */
    public Scenario ready(String settingsJson) {
        assertThat(client.postJson("/broker/api/v1/serviceowner", ownerToken, "{\"name\":\"Owner " + owner + "\"}").status())
                .isEqualTo(200);
        assertThat(client.putJson("/broker/api/v1/resource/" + resourceId, ownerToken, settingsJson).status()).isEqualTo(204);
        policy("""
                {"rules":[{"subjects":["0192:%s"],"actions":["write","read"]},
                          {"subjects":["0192:%s","urn:altinn:organization:identifier-no:%s"],"actions":["read"]}]}"""
                .formatted(sender, recipient1, recipient2));
        return this;
    }

    public Scenario ready() {
        return ready("{}");
    }

    public void policy(String json) {
        var response = client.putJson("/broker/api/v1/resource/" + resourceId + "/policy", ownerToken, json);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    public String initializeJson(String fileName, List<String> recipients, String extraFields) {
        String list = recipients.stream().map(r -> "\"0192:" + r + "\"").collect(Collectors.joining(","));
        return """
                {"fileName":"%s","resourceId":"%s","sendersFileTransferReference":"ref-1","sender":"0192:%s",
                 "recipients":[%s]%s}""".formatted(fileName, resourceId, sender, list,
                extraFields.isEmpty() ? "" : "," + extraFields);
    }

    /** Initializes a transfer to both recipients; returns its id. */
    public String initialize() {
        return initialize("", List.of(recipient1, recipient2));
    }

    public String initialize(String extraFields, List<String> recipients) {
        var response = client.postJson("/broker/api/v1/filetransfer", senderToken,
                initializeJson("report.pdf", recipients, extraFields));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("fileTransferId").asString();
    }

    public BrokerClient.Response upload(String id, byte[] content) {
        return client.post("/broker/api/v1/filetransfer/" + id + "/upload", senderToken,
                HttpRequest.BodyPublishers.ofByteArray(content), "Content-Type", "application/octet-stream");
    }

    /** Initializes and uploads; returns the id of the published transfer. */
    public String publish(byte[] content) {
        String id = initialize();
        var response = upload(id, content);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return id;
    }

    public BrokerClient.Response overview(String id, String token) {
        return client.get("/broker/api/v1/filetransfer/" + id, token);
    }

    public BrokerClient.Response details(String id, String token) {
        return client.get("/broker/api/v1/filetransfer/" + id + "/details", token);
    }

    public BrokerClient.Response download(String id, String token, String... headers) {
        return client.get("/broker/api/v1/filetransfer/" + id + "/download", token, headers);
    }

    public BrokerClient.Response confirm(String id, String token) {
        return client.postJson("/broker/api/v1/filetransfer/" + id + "/confirmdownload", token, null);
    }

    public String status(String id) {
        return overview(id, senderToken).json().get("fileTransferStatus").asString();
    }
}
