package no.formidler.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.formidler.testsupport.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * A running broker keeps no private key in the clear in its data directory: a copy of the directory (or a backup)
 * without {@code formidler.secrets.key-file} reveals none, while the public keys stay published.
 */
class SealedKeyFilesTest extends ApiTest {
    @Test
    void everyKeyFileInTheDataDirectoryIsSealedAndThePublicKeysStayPublished() throws Exception {
        List<Path> keyFiles;
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            keyFiles = files.filter(f -> !f.startsWith(DATA_DIR.resolve("postgres")) && !f.startsWith(DATA_DIR.resolve("blobs")))
                    .filter(f -> f.getFileName().toString().matches(".*\\.(json|pem|jwk)")).toList();
        }
        assertThat(keyFiles).extracting(f -> DATA_DIR.relativize(f).toString().replace('\\', '/'))
                .contains("evidence-keys.json", "broker-issuer/signing-key.jwk.json",
                        "maskinporten-issuer/signing-key.jwk.json");
        for (Path file : keyFiles) {
            assertThat(Files.readString(file)).as(file.toString()).startsWith("sealed:v1:")
                    .doesNotContain("PRIVATE KEY").doesNotContain("\"d\"").doesNotContain("\"kty\"");
        }

        JWKSet published = JWKSet.parse(client.get("/.well-known/jwks.json", null).body());
        assertThat(published.getKeys()).isNotEmpty().noneMatch(k -> k.isPrivate());
    }
}
