package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import no.formidler.secrets.SealedFiles;
import no.formidler.secrets.SecretBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The development issuer's tokens read back as the callers they stand for; its key file in the data directory is
 * sealed (the broker's exchange and Maskinporten issuers keep theirs the same way, {@link SigningKey}).
 */
class DevTokenIssuerTest {
    private static final SealedFiles FILES = new SealedFiles(new SecretBox(randomKey()));
    @TempDir
    Path dir;

    @Test
    void aSystemUserTokenActsForTheSystemUsersOrganisationWithTheVendorAsConsumer() {
        DevTokenIssuer issuer = DevTokenIssuer.load(dir.resolve("key.jwk.json"), FILES, "formidler-dev", Clock.systemUTC());
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
        DevTokenIssuer first = DevTokenIssuer.load(key, FILES, "formidler-dev", Clock.systemUTC());
        String token = first.enterpriseToken(new Organization("310000003"), "altinn:broker.read", null);
        DevTokenIssuer second = DevTokenIssuer.load(key, FILES, "formidler-dev", Clock.systemUTC());
        assertThat(NimbusJwtDecoder.withPublicKey(second.publicKey()).build().decode(token).getClaimAsString("urn:altinn:orgNumber"))
                .isEqualTo("310000003");
    }

    @Test
    void theKeyFileHoldsNoPrivateKeyInTheClear() throws Exception {
        Path key = dir.resolve("key.jwk.json");
        DevTokenIssuer.load(key, FILES, "formidler-dev", Clock.systemUTC());

        String onDisk = Files.readString(key);
        assertThat(onDisk).startsWith("sealed:v1:").doesNotContain("\"d\"").doesNotContain("\"kty\"");
        assertThatThrownBy(() -> RSAKey.parse(onDisk)).isInstanceOf(ParseException.class);
        assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aPlainKeyFileFromBeforeSealingIsSealedAtLoadAndItsTokensStillVerify() throws Exception {
        Path key = dir.resolve("key.jwk.json");
        RSAKey plain = new RSAKeyGenerator(2048).keyID("before-sealing").generate();
        Files.writeString(key, plain.toJSONString());
        SignedJWT signedBefore = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(plain.getKeyID()).build(),
                new JWTClaimsSet.Builder().claim("urn:altinn:orgNumber", "310000004").build());
        signedBefore.sign(new RSASSASigner(plain));
        String tokenBefore = signedBefore.serialize();

        DevTokenIssuer issuer = DevTokenIssuer.load(key, FILES, "formidler-dev", Clock.systemUTC());

        assertThat(Files.readString(key)).startsWith("sealed:v1:")
                .doesNotContain(plain.getPrivateExponent().toString()).doesNotContain(plain.getModulus().toString());
        assertThat(issuer.publicJwkSet()).contains(plain.getModulus().toString()).doesNotContain("\"d\"");
        assertThat(NimbusJwtDecoder.withPublicKey(issuer.publicKey()).build().decode(tokenBefore)
                .getClaimAsString("urn:altinn:orgNumber")).isEqualTo("310000004");
    }

    @Test
    void aKeyFileSealedUnderAnotherKeyFailsTheLoadNamingTheFile() {
        Path key = dir.resolve("key.jwk.json");
        DevTokenIssuer.load(key, FILES, "formidler-dev", Clock.systemUTC());
        SealedFiles otherKey = new SealedFiles(new SecretBox(randomKey()));

        assertThatThrownBy(() -> DevTokenIssuer.load(key, otherKey, "formidler-dev", Clock.systemUTC()))
                .isInstanceOf(SecretBox.WrongKeyException.class)
                .hasMessageContaining(key.toString()).hasMessageContaining("formidler.secrets.key-file");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
