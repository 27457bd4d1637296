package no.formidler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.formidler.auth.Organization;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The web app's live updates: a recipient's open stream says "changed" when a transfer is published to it. */
class ChangesStreamTest extends ApiTest {
    @Autowired
    WebSessions sessions;

    @Test
    void aRecipientsStreamSignalsATransferPublishedToIt() throws Exception {
        Scenario s = scenario().ready();
        var session = sessions.start(new Organization(s.recipient1), SignInRole.PARTY);
        var request = client.request("/web/api/changes", null, "Cookie", SessionCookie.NAME + "=" + session.cookie(),
                "Accept", "text/event-stream").GET().build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        try (Stream<String> lines = response.body()) {
            var first = lines.iterator();
            assertThat(first.next()).isEqualTo(":open");
            var published = java.util.concurrent.CompletableFuture.runAsync(() -> s.publish("news".getBytes()));
            String event = null;
            while (first.hasNext()) {
                String line = first.next();
                if (line.startsWith("event:")) {
                    event = line;
                    break;
                }
            }
            published.get(30, TimeUnit.SECONDS);
            assertThat(event).isEqualTo("event:changed");
        }
    }

    @Test
    void theStreamNeedsASession() {
        assertThat(client.get("/web/api/changes", null, "Accept", "text/event-stream").status()).isEqualTo(401);
    }
}
