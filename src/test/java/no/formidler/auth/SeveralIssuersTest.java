package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** Several issuers are trusted at once, each with its own JWKS; Altinn- and Maskinporten-shaped tokens both work. */
class SeveralIssuersTest extends ApiTest {

    @Test
    void anAltinnTokenFromOneIssuerAndAMaskinportenTokenFromAnotherBothAct() {
        Scenario s = scenario().ready();
        String id = s.initialize();   // Altinn enterprise token from the first issuer
        String maskinporten = OTHER_ISSUER.maskinporten(s.recipient1, Scenario.READ);

        assertThat(s.overview(id, maskinporten).status()).isEqualTo(200);
        assertThat(s.client.postJson("/broker/api/v1/filetransfer", OTHER_ISSUER.maskinporten(s.sender, Scenario.WRITE),
                s.initializeJson("b.txt", List.of(s.recipient1), "")).status()).isEqualTo(200);
    }

    @Test
    void aTokenSignedByOneTrustedIssuerButNamingAnotherIsRefused() {
        Scenario s = scenario().ready();
        // Signed with the second issuer's key but claiming to be the first: the first issuer's JWKS does not verify it.
        String forged = OTHER_ISSUER.token(c -> c.issuer(ISSUER.issuer()).claim("scope", Scenario.WRITE)
                .claim("urn:altinn:orgNumber", s.sender));
        assertThat(s.client.postJson("/broker/api/v1/filetransfer", forged,
                s.initializeJson("b.txt", List.of(s.recipient1), "")).status()).isEqualTo(401);
    }
}
