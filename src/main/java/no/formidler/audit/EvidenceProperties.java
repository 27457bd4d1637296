package no.formidler.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Receipt and checkpoint signing ({@code formidler.evidence.*}); each is documented in README.
 *
 * @param signingKey       an EC P-256 private key for several nodes: a PEM file (private key with its public key or
 *                         certificate) or a PKCS#12 key store; unset, each broker keeps its own in the data directory
 * @param keyStorePassword the PKCS#12 password
 * @param retiredKeys      PEM public keys or certificates of keys signed with before, still published
 * @param keyMaxAge        a key in the data directory is replaced by a new one when older than this (old keys stay
 *                         published)
 */
@ConfigurationProperties("formidler.evidence")
public record EvidenceProperties(Path signingKey, @DefaultValue("") String keyStorePassword,
                                 @DefaultValue List<Path> retiredKeys,
                                 @DefaultValue("365d") Duration keyMaxAge,
                                 @DefaultValue("10m") Duration checkpointInterval) {
}
