package no.formidler.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import no.formidler.secrets.SealedFiles;
import no.formidler.secrets.SecretBox;
import no.formidler.system.FormidlerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the evidence keys come from: the data directory (rotating, sealed), a PEM file, or a PKCS#12 key store.
 */
class EvidenceKeysTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final SealedFiles FILES = new SealedFiles(new SecretBox(randomKey()));
    @TempDir
    Path dir;

    @Test
    void aDataDirectoryKeyIsKeptAcrossRestartsAndReplacedWhenOld() throws Exception {
        EvidenceKeys first = keys(null, List.of(), NOW);
        String kid = first.current().getKeyID();
        assertThat(keys(null, List.of(), NOW).current().getKeyID()).isEqualTo(kid);

        EvidenceKeys later = keys(null, List.of(), NOW.plus(Duration.ofDays(400)));
        ECKey replacement = later.current();
        assertThat(replacement.getKeyID()).isNotEqualTo(kid);
        assertThat(later.publicKeys().getKeys()).extracting(k -> k.getKeyID()).containsExactly(kid, replacement.getKeyID());
        assertThat(later.publicKeys().getKeys()).noneMatch(k -> k.isPrivate());
    }

    @Test
    void theKeysInTheDataDirectoryAreSealedAndRotationKeepsThemSealed() throws Exception {
        EvidenceKeys keys = keys(null, List.of(), NOW);
        String first = keys.current().getD().toString();
        String second = keys.rotate().getD().toString();

        String onDisk = Files.readString(keyFile());
        assertThat(onDisk).startsWith("sealed:v1:").doesNotContain(first).doesNotContain(second)
                .doesNotContain("\"d\"").doesNotContain("PRIVATE KEY");
        assertThatThrownBy(() -> JWKSet.parse(onDisk)).isInstanceOf(ParseException.class);
        assertSignsAndVerifies(keys(null, List.of(), NOW));
    }

    @Test
    void aPlainKeyFileFromBeforeSealingIsSealedAtStartAndWhatItSignedStillVerifies() throws Exception {
        ECKey plain = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true)
                .issueTime(Date.from(NOW)).generate();
        Files.createDirectories(keyFile().getParent());
        Files.writeString(keyFile(), new JWKSet(plain).toString(false));
        JWSObject before = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(plain.getKeyID()).build(),
                new Payload("{\"receipt\":1}"));
        before.sign(new ECDSASigner(plain));

        EvidenceKeys keys = keys(null, List.of(), NOW);

        assertThat(Files.readString(keyFile())).startsWith("sealed:v1:").doesNotContain(plain.getD().toString());
        assertThat(keys.current().getKeyID()).isEqualTo(plain.getKeyID());
        ECKey published = (ECKey) keys.publicKeys().getKeyByKeyId(plain.getKeyID());
        assertThat(published.isPrivate()).isFalse();
        assertThat(JWSObject.parse(before.serialize()).verify(new ECDSAVerifier(published))).isTrue();
    }

    @Test
    void keysSealedUnderAnotherKeyFailTheStartNamingTheFile() {
        keys(null, List.of(), NOW);
        FormidlerProperties broker = broker();
        SealedFiles otherKey = new SealedFiles(new SecretBox(randomKey()));

        assertThatThrownBy(() -> new EvidenceKeys(broker, otherKey, properties(null, List.of()), Clock.systemUTC()))
                .isInstanceOf(SecretBox.WrongKeyException.class)
                .hasMessageContaining(keyFile().toString()).hasMessageContaining("formidler.secrets.key-file");
    }

    @Test
    void aConfiguredPemKeySignsAndRetiredKeysStayPublished() throws Exception {
        KeyPair current = ecKeyPair();
        KeyPair retired = ecKeyPair();
        Path pem = Files.writeString(dir.resolve("signing.pem"), pem("PRIVATE KEY", current.getPrivate().getEncoded())
                + pem("PUBLIC KEY", current.getPublic().getEncoded()));
        Path old = Files.writeString(dir.resolve("old.pem"), pem("PUBLIC KEY", retired.getPublic().getEncoded()));

        EvidenceKeys keys = keys(pem, List.of(old), NOW);
        assertThat(keys.publicKeys().getKeys()).hasSize(2);
        assertSignsAndVerifies(keys);
    }

    @Test
    void aPkcs12KeyStoreFromKeytoolSigns() throws Exception {
        Path store = dir.resolve("evidence.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "evidence", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=formidler", "-validity", "30", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        EvidenceKeys keys = keys(store, List.of(), NOW);
        assertThat(keys.publicKeys().getKeys()).hasSize(1);
        assertSignsAndVerifies(keys);
    }

    private static void assertSignsAndVerifies(EvidenceKeys keys) throws Exception {
        ECKey signing = keys.current();
        assertThat(signing.isPrivate()).isTrue();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signing.getKeyID()).build(),
                new Payload("{}"));
        jws.sign(new ECDSASigner(signing));
        ECKey published = (ECKey) keys.publicKeys().getKeyByKeyId(signing.getKeyID());
        assertThat(JWSObject.parse(jws.serialize()).verify(new ECDSAVerifier(published))).isTrue();
    }

    private EvidenceKeys keys(Path signingKey, List<Path> retired, Instant now) {
        return new EvidenceKeys(broker(), FILES, properties(signingKey, retired), Clock.fixed(now, ZoneOffset.UTC));
    }

    private FormidlerProperties broker() {
        return new FormidlerProperties(FormidlerProperties.Mode.STANDALONE, dir.resolve("data"),
                "http://localhost:8080", null, null, null, null, null, null);
    }

    private static EvidenceProperties properties(Path signingKey, List<Path> retired) {
        return new EvidenceProperties(signingKey, "changeit", retired, Duration.ofDays(365), Duration.ofMinutes(10));
    }

    private Path keyFile() {
        return dir.resolve("data").resolve("evidence-keys.json");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
