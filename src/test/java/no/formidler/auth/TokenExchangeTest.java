package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** Token exchange as Altinn's platform authentication offers it; the broker trusts the tokens it hands out. */
class TokenExchangeTest extends ApiTest {
    private static final String EXCHANGE = "/authentication/api/v1/exchange/maskinporten";

    @Test
    void aMaskinportenTokenBecomesABrokerTokenWithTheSameIdentityAndScopes() throws Exception {
        Scenario s = scenario().ready();
        String maskinporten = s.issuer.maskinporten(s.sender, Scenario.WRITE + " " + Scenario.READ);

        var response = s.client.get(EXCHANGE, maskinporten, "Ocp-Apim-Subscription-Key", "anything");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        var claims = SignedJWT.parse(response.body()).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("formidler");
        assertThat(claims.getStringClaim("urn:altinn:orgNumber")).isEqualTo(s.sender);
        assertThat(claims.getStringClaim("scope")).isEqualTo(Scenario.WRITE + " " + Scenario.READ);

        var initialized = s.client.postJson("/broker/api/v1/filetransfer", response.body(),
                s.initializeJson("a.txt", List.of(s.recipient1), ""));
        assertThat(initialized.status()).as(initialized.toString()).isEqualTo(200);
    }

    @Test
    void aSystemUserStaysASystemUser() throws Exception {
        Scenario s = scenario().ready();
        String vendor = Scenario.randomOrg();
        var exchanged = s.client.get(EXCHANGE, s.issuer.systemUser(s.sender, vendor, Scenario.WRITE)).body();
        var claims = SignedJWT.parse(exchanged).getJWTClaimsSet();
        assertThat(claims.getClaim("authorization_details").toString()).contains("0192:" + s.sender);
        assertThat(claims.getClaim("urn:altinn:orgNumber")).isNull();
        assertThat(s.client.postJson("/broker/api/v1/filetransfer", exchanged,
                s.initializeJson("a.txt", List.of(s.recipient1), "")).status()).isEqualTo(200);
    }

    @Test
    void onlyTrustedTokensAreExchangedAndABrokerTokenIsNotExchangedAgain() {
        Scenario s = scenario();
        assertThat(s.client.get(EXCHANGE, null).status()).isEqualTo(401);
        assertThat(s.client.get(EXCHANGE, UNTRUSTED.maskinporten(s.sender, Scenario.WRITE)).status()).isEqualTo(401);
        assertThat(s.client.get(EXCHANGE, ISSUER.expired(s.sender, Scenario.WRITE)).status()).isEqualTo(401);
        String brokerToken = s.client.get(EXCHANGE, s.senderToken).body();
        assertThat(s.client.get(EXCHANGE, brokerToken).status()).isEqualTo(401);
    }
}
