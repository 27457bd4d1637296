package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * System users (docs/compatibility.md §3): a token whose authorization_details name a system user acts for that user's
 * organisation; the vendor in {@code consumer} is recorded on the status rows its calls cause.
 */
class SystemUserTest extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void systemUsersSendAndReceiveAndTheirVendorsAreRecorded() {
        Scenario s = scenario().ready();
        String sendingVendor = Scenario.randomOrg();
        String receivingVendor = Scenario.randomOrg();
        String senderSystem = s.issuer.systemUser(s.sender, sendingVendor, Scenario.WRITE + " " + Scenario.READ);
        String recipientSystem = s.issuer.systemUser(s.recipient1, receivingVendor, Scenario.READ);

        var init = s.client.postJson("/broker/api/v1/filetransfer", senderSystem,
                s.initializeJson("a.txt", List.of(s.recipient1), ""));
        assertThat(init.status()).as(init.toString()).isEqualTo(200);
        String id = init.json().get("fileTransferId").asString();
        var upload = s.client.post("/broker/api/v1/filetransfer/" + id + "/upload", senderSystem,
                java.net.http.HttpRequest.BodyPublishers.ofString("hello", StandardCharsets.UTF_8),
                "Content-Type", "application/octet-stream");
        assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
        assertThat(s.download(id, recipientSystem).body()).isEqualTo("hello");
        assertThat(s.confirm(id, recipientSystem).status()).isEqualTo(204);

        assertThat(jdbc.sql("select status || '=' || coalesce(vendor, '-') from file_transfer_status where file_transfer_id = :id order by id")
                .param("id", UUID.fromString(id)).query(String.class).list())
                .containsExactly("0=0192:" + sendingVendor, "1=0192:" + sendingVendor, "3=-", "5=-");
        assertThat(jdbc.sql("select status || '=' || coalesce(vendor, '-') from recipient_status where file_transfer_id = :id and status > 0 order by id")
                .param("id", UUID.fromString(id)).query(String.class).list())
                .containsExactly("1=0192:" + receivingVendor, "2=0192:" + receivingVendor);
    }

    @Test
    void aSystemUserOfAnotherOrganisationIsRefused() {
        Scenario s = scenario().ready();
        String id = s.publish("x".getBytes(StandardCharsets.UTF_8));
        String foreignSystem = s.issuer.systemUser(s.outsider, s.sender, Scenario.WRITE + " " + Scenario.READ);
        assertThat(s.overview(id, foreignSystem).status()).isEqualTo(401);
        assertThat(s.download(id, foreignSystem).status()).isEqualTo(401);
        var init = s.client.postJson("/broker/api/v1/filetransfer", foreignSystem,
                s.initializeJson("a.txt", List.of(s.recipient1), ""));
        assertThat(init.status()).isEqualTo(401);
    }
}
