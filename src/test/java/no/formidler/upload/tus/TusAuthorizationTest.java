package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only the sender uploads: every TUS verb refuses a token without the write scope, and a writer who is not the sender. */
class TusAuthorizationTest extends ApiTest {
    private Scenario s;
    private String id;
    private String url;

    @BeforeEach
    void upload() {
        s = scenario().ready();
        id = s.initialize();
        url = TusRequests.BASE + "/" + id;
        assertThat(new TusRequests(client, s.senderToken).create(id, 10).status()).isEqualTo(201);
    }

    @Test
    void aRequestWithoutATokenIsRefusedWith401() {
        TusRequests anonymous = new TusRequests(client, null);
        assertThat(anonymous.head(url).status()).isEqualTo(401);
        assertThat(anonymous.options(url).status()).isEqualTo(401);
    }

    @Test
    void aRecipientsReadOnlyTokenIsRefusedWith403OnEveryVerb() {
        TusRequests recipient = new TusRequests(client, s.recipient1Token);
        assertThat(recipient.options(url).status()).isEqualTo(403);
        assertThat(recipient.create(id, 10).status()).isEqualTo(403);
        assertThat(recipient.head(url).status()).isEqualTo(403);
        assertThat(recipient.patch(url, 0, "ab".getBytes()).status()).isEqualTo(403);
        assertThat(recipient.delete(url).status()).isEqualTo(403);
    }

    @Test
    void aWriterWhoIsNotTheSenderIsRefusedWithBro00006OnEveryVerb() {
        TusRequests outsider = new TusRequests(client, s.outsiderToken);
        assertThat(outsider.head(url).status()).as("HEAD has no body").isEqualTo(401);
        for (var response : java.util.List.of(outsider.create(id, 10), outsider.patch(url, 0, "ab".getBytes()),
                outsider.delete(url))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.json().get("code").asString()).isEqualTo("BRO-00006");
        }
        assertThat(new TusRequests(client, s.senderToken).head(url).header("Upload-Offset")).isEqualTo("0");
    }
}
