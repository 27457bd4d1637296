package no.formidler.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The exchange as the reference's k6 use-case test and tus harness call it, with {@code Accept: application/json}.
 */
class TokenExchangeAcceptTest extends ApiTest {
    private static final String API = "/broker/api/v1";

    @Test
    void theExchangeAnswersAJsonStringToAcceptApplicationJson() throws Exception {
        Scenario s = scenario().ready();
        String maskinporten = s.issuer.maskinporten(s.sender, Scenario.WRITE);
        String path = "/authentication/api/v1/exchange/maskinporten";
        // k6 altinnTokenService.js: { Authorization: Bearer <mp>, Accept: application/json }, then res.json()
        var json = client.get(path, maskinporten, "Accept", "application/json");
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.json().isString()).isTrue();
        String token = json.json().asString();
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer()).isEqualTo("formidler");
        assertThat(client.postJson(API + "/filetransfer", token, s.initializeJson("a", List.of(s.recipient1), "")).status())
                .isEqualTo(200);

        var plain = client.get(path, maskinporten, "Accept", "text/plain, application/json;q=0.5");
        assertThat(plain.header("Content-Type")).startsWith("text/plain");
        assertThat(plain.body()).doesNotStartWith("\"");
        assertThat(client.get(path, maskinporten).header("Content-Type")).startsWith("text/plain");
        assertThat(client.get(path, maskinporten, "Accept", "image/png").status()).isEqualTo(406);
    }
}
