package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** E6 (docs/compatibility.md §1) over HTTP: roles, statuses, the date window, order and the limit of 100. */
class SearchTest extends ApiTest {

    private List<String> search(Scenario s, String token, String query) {
        var response = client.get("/broker/api/v1/filetransfer?resourceId=" + s.resourceId + query, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().map(n -> n.asString()).toList();
    }

    @Test
    void rolesDecideWhichSideOfATransferIsSearched() {
        Scenario s = scenario().ready();
        String id = s.publish("x".getBytes());
        assertThat(search(s, s.senderToken, "&status=Published")).contains(id);
        assertThat(search(s, s.senderToken, "&status=Published&role=recipient")).doesNotContain(id);
        assertThat(search(s, s.recipient1Token, "&status=Published&role=recipient")).contains(id);
        assertThat(search(s, s.recipient1Token, "&status=Published&role=sender")).doesNotContain(id);
        assertThat(search(s, s.recipient1Token, "&status=Published&recipientStatus=Initialized&role=sender"))
                .as("with recipientStatus the role is ignored").contains(id);
        assertThat(search(s, s.recipient1Token, "&recipientStatus=DownloadStarted")).doesNotContain(id);
    }

    @Test
    void theDateWindowUsesCreationOrTheTimeTheStatusWasEntered() throws Exception {
        Scenario s = scenario().ready();
        String a = s.initialize();
        clock.advance(Duration.ofMillis(20));
        Instant betweenCreations = clock.instant();
        clock.advance(Duration.ofMillis(20));
        String b = s.initialize();
        assertThat(s.upload(b, "b".getBytes()).status()).isEqualTo(200);
        clock.advance(Duration.ofMillis(20));
        Instant betweenPublications = clock.instant();
        clock.advance(Duration.ofMillis(20));
        assertThat(s.upload(a, "a".getBytes()).status()).isEqualTo(200);

        assertThat(search(s, s.senderToken, "&from=" + betweenCreations)).containsExactly(b);
        assertThat(search(s, s.senderToken, "&status=Published&from=" + betweenPublications)).containsExactly(a);
        assertThat(search(s, s.senderToken, "&to=" + betweenCreations)).containsExactly(a);
        assertThat(search(s, s.senderToken, "&from=" + betweenCreations.minus(Duration.ofDays(1)) + "&to=" + clock.instant()))
                .containsExactlyInAnyOrder(a, b);
    }

    @Test
    void resultsAreNewestFirstUnlessAskedAscendingAndAtMostAHundred() {
        Scenario s = scenario().ready();
        String first = s.initialize();
        String second = s.initialize();
        String third = s.initialize();
        assertThat(search(s, s.senderToken, "")).containsExactly(third, second, first);
        assertThat(search(s, s.senderToken, "&orderAscending=true")).containsExactly(first, second, third);
        for (int i = 0; i < 100; i++) {
            s.initialize();
        }
        assertThat(search(s, s.senderToken, "")).hasSize(100).doesNotContain(first);
        assertThat(search(s, s.senderToken, "&orderAscending=true")).hasSize(100).startsWith(first, second, third);
    }

    @Test
    void badOrMissingParametersAreValidationProblemsAndStrangersSeeNothing() {
        Scenario s = scenario().ready();
        s.initialize();
        var missing = client.get("/broker/api/v1/filetransfer", s.senderToken);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").has("resourceId")).isTrue();
        for (String bad : List.of("&status=Bogus", "&recipientStatus=Nope", "&from=yesterday", "&orderAscending=maybe", "&role=Both2")) {
            BrokerClient.Response response = client.get("/broker/api/v1/filetransfer?resourceId=" + s.resourceId + bad, s.senderToken);
            assertThat(response.status()).as(bad).isEqualTo(400);
        }
        var stranger = client.get("/broker/api/v1/filetransfer?resourceId=" + s.resourceId, s.outsiderToken);
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.json().get("code").asString()).isEqualTo("BRO-00006");
        // A recipient the rules grant read, but who never took part, finds nothing.
        s.policy("{\"rules\":[{\"subjects\":[\"*\"],\"actions\":[\"read\"]}]}");
        assertThat(search(s, s.outsiderToken, "")).isEmpty();
    }
}
