package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The development issuer's tokens read back as the callers they stand for. */
class DevTokenIssuerTest {
    @TempDir
    Path dir;

    @Test
    void aSystemUserTokenActsForTheSystemUsersOrganisationWithTheVendorAsConsumer() {
        DevTokenIssuer issuer = DevTokenIssuer.load(dir.resolve("key.jwk.json"), "formidler-dev", Clock.systemUTC());
        String token = issuer.systemUserToken(new Organization("310000001"), new Organization("310000002"),
                "altinn:broker.write altinn:broker.read");

        Caller caller = TokenClaims.caller(NimbusJwtDecoder.withPublicKey(issuer.publicKey()).build().decode(token));

        assertThat(caller.organization()).contains(new Organization("310000001"));
        assertThat(caller.vendor()).contains(new Organization("310000002"));
        assertThat(caller.scopes()).containsExactlyInAnyOrder("altinn:broker.write", "altinn:broker.read");
    }

    @Test
    void theKeySurvivesARestart() {
        Path key = dir.resolve("key.jwk.json");
        DevTokenIssuer first = DevTokenIssuer.load(key, "formidler-dev", Clock.systemUTC());
        String token = first.enterpriseToken(new Organization("310000003"), "altinn:broker.read", null);
        DevTokenIssuer second = DevTokenIssuer.load(key, "formidler-dev", Clock.systemUTC());
        assertThat(NimbusJwtDecoder.withPublicKey(second.publicKey()).build().decode(token).getClaimAsString("urn:altinn:orgNumber"))
                .isEqualTo("310000003");
    }
}
