package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/** Which tokens are accepted, and how the caller's organisation is read from them. */
class AuthenticationTest extends ApiTest {
    private static final String OWNER_PATH = "/broker/api/v1/serviceowner";

    private void assertUnauthorized(String token) {
        var response = client.get(OWNER_PATH, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void tokensThatAreMissingExpiredUntrustedOrForgedAre401() throws Exception {
        assertUnauthorized(null);
        assertUnauthorized("not-a-jwt");
        assertUnauthorized(ISSUER.expired(Scenario.randomOrg(), Scenario.SERVICE_OWNER));
        assertUnauthorized(UNTRUSTED.enterprise(Scenario.randomOrg(), Scenario.SERVICE_OWNER));
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER.issuer()).claim("scope", Scenario.SERVICE_OWNER)
                .claim("urn:altinn:orgNumber", "991825827").expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        assertUnauthorized(new PlainJWT(new PlainHeader(), claims).serialize());
        SignedJWT hs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hs256.sign(new MACSigner(ISSUER.key().toPublicJWK().toRSAPublicKey().getEncoded()));
        assertUnauthorized(hs256.serialize());
        assertUnauthorized(ISSUER.token(c -> c.expirationTime(null).claim("scope", Scenario.SERVICE_OWNER)));
    }

    @Test
    void aTokenWithoutTheScopeIs403() {
        var response = client.get(OWNER_PATH, ISSUER.enterprise(Scenario.randomOrg(), Scenario.READ));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void tokensFromEveryTrustedIssuerWork() {
        String org = Scenario.randomOrg();
        assertThat(client.postJson(OWNER_PATH, ISSUER.enterprise(org, Scenario.SERVICE_OWNER), "{\"name\":\"A\"}").status()).isEqualTo(200);
        assertThat(client.get(OWNER_PATH, OTHER_ISSUER.maskinporten(org, Scenario.SERVICE_OWNER)).status()).isEqualTo(200);
    }

    @Test
    void aSystemUserActsForItsOwnerOrganisation() {
        String org = Scenario.randomOrg();
        assertThat(client.postJson(OWNER_PATH, ISSUER.enterprise(org, Scenario.SERVICE_OWNER), "{\"name\":\"B\"}").status()).isEqualTo(200);
        var bySystemUser = client.get(OWNER_PATH, ISSUER.systemUser(org, Scenario.randomOrg(), Scenario.SERVICE_OWNER));
        assertThat(bySystemUser.status()).isEqualTo(200);
        assertThat(bySystemUser.json().get("name").asString()).isEqualTo("B");
    }

    @Test
    void unreadableIdentityClaimsNameNoOrganisationAndAreNever500() {
        String badDetails = ISSUER.token(c -> c.claim("scope", Scenario.SERVICE_OWNER).claim("authorization_details", "{not json")
                .claim("urn:altinn:orgNumber", "991825827"));
        assertThat(client.get(OWNER_PATH, badDetails).status()).isEqualTo(400);
        String badConsumer = ISSUER.token(c -> c.claim("scope", Scenario.SERVICE_OWNER).claim("consumer", "not json"));
        assertThat(client.get(OWNER_PATH, badConsumer).json().get("code").asString()).isEqualTo("BRO-07001");
        String thirdFormat = ISSUER.token(c -> c.claim("scope", Scenario.SERVICE_OWNER).claim("urn:altinn:orgNumber", "NO-99182582"));
        assertThat(client.get(OWNER_PATH, thirdFormat).json().get("code").asString()).isEqualTo("BRO-07001");
    }
}
