package no.formidler.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import no.formidler.system.FormidlerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key of the {@link SecretBox}: {@code formidler.secrets.key-file} (32 random bytes, base64), kept apart from the
 * database and the data directory it protects. Not set: {@code <data-dir>/secrets.key}, generated on first start
 * (owner-only permissions) and logged, which keeps a standalone broker working out of the box but protects nothing
 * in a copy of the whole data directory: a deployment that backs it up should set the file elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretBox secretBox(@Value("${formidler.secrets.key-file:}") String keyFile, FormidlerProperties properties) {
        Path file = keyFile.isBlank() ? properties.dataDir().resolve("secrets.key") : Path.of(keyFile);
        try {
            if (!Files.exists(file)) {
                if (!keyFile.isBlank()) {
                    throw new IllegalStateException("formidler.secrets.key-file " + file + " does not exist");
                }
                generate(file);
                log.warn("Generated the key that seals webhook secrets and private keys at {} (formidler.secrets.key-file "
                        + "not set); keep it apart from database and data directory backups", file.toAbsolutePath());
            } else if (file.toAbsolutePath().normalize().startsWith(properties.dataDir().toAbsolutePath().normalize())) {
                log.warn("The key that seals webhook secrets and private keys, {}, is inside the data directory: a "
                        + "backup of the directory carries its key. Set formidler.secrets.key-file elsewhere "
                        + "(docs/security.md)", file.toAbsolutePath());
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            return new SecretBox(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secrets key " + file, e);
        }
    }

    @Bean
    SealedFiles sealedFiles(SecretBox box) {
        return new SealedFiles(box);
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
        }
    }
}
