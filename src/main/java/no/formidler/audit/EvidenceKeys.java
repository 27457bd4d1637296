package no.formidler.audit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import no.formidler.secrets.SealedFiles;
import no.formidler.system.FormidlerProperties;
import org.springframework.stereotype.Component;

/**
 * The EC P-256 keys receipts and checkpoints are signed with: the current one, and every earlier one whose public
 * half stays published so that what it signed still verifies. Standalone, the keys live in
 * {@code <data-dir>/evidence-keys.json} (the last is current, replaced when older than {@code key-max-age}), sealed
 * ({@link SealedFiles}) so a copy of the directory without the secrets key reveals none; with several nodes they come
 * from configuration.
 */
@Component
public class EvidenceKeys {
    private final Path keyFile;
    private final SealedFiles files;
    private final EvidenceProperties properties;
    private final Clock clock;
    private volatile List<ECKey> keys;

    EvidenceKeys(FormidlerProperties broker, SealedFiles files, EvidenceProperties properties, Clock clock) {
        this.keyFile = broker.dataDir().resolve("evidence-keys.json");
        this.files = files;
        this.properties = properties;
        this.clock = clock;
        this.keys = properties.signingKey() == null ? fromDataDir() : fromConfiguration();
    }

    /** The key that signs now: a key of the data directory older than {@code key-max-age} is replaced first. */
    ECKey current() {
        ECKey current = keys.get(keys.size() - 1);
        return expired(current) ? rotateExpired() : current;
    }

    private synchronized ECKey rotateExpired() {
        ECKey current = keys.get(keys.size() - 1);
        return expired(current) ? rotate() : current;
    }

    private boolean expired(ECKey key) {
        return properties.signingKey() == null && key.getIssueTime() != null
                && key.getIssueTime().toInstant().plus(properties.keyMaxAge()).isBefore(clock.instant());
    }

    /** The public keys, current and retired. */
    public JWKSet publicKeys() {
        return new JWKSet(keys.stream().map(k -> (JWK) k.toPublicJWK()).toList());
    }

    /** Starts signing with a new key; the old one stays published. Only for keys in the data directory. */
    public synchronized ECKey rotate() {
        if (properties.signingKey() != null) {
            throw new IllegalStateException("A configured signing key is rotated by configuration");
        }
        List<ECKey> rotated = new ArrayList<>(keys);
        rotated.add(generate(clock.instant()));
        write(rotated);
        keys = List.copyOf(rotated);
        return rotated.get(rotated.size() - 1);
    }

    private List<ECKey> fromDataDir() {
        try {
            if (files.read(keyFile).isEmpty()) {
                write(List.of(generate(clock.instant())));
            }
            return JWKSet.parse(files.read(keyFile).orElseThrow()).getKeys().stream().map(JWK::toECKey).toList();
        } catch (ParseException e) {
            throw new IllegalStateException("Cannot read the evidence keys " + keyFile, e);
        }
    }

    private List<ECKey> fromConfiguration() {
        List<ECKey> configured = new ArrayList<>();
        char[] password = properties.keyStorePassword().toCharArray();
        properties.retiredKeys().forEach(path -> configured.add(withThumbprint(KeyFiles.read(path, password).toPublicJWK())));
        ECKey signing = KeyFiles.read(properties.signingKey(), password);
        if (!signing.isPrivate()) {
            throw new IllegalStateException(properties.signingKey() + " holds no PKCS#8 PRIVATE KEY (convert a SEC1 key "
                    + "with `openssl pkcs8 -topk8 -nocrypt`)");
        }
        configured.add(withThumbprint(signing));
        return List.copyOf(configured);
    }

    private static ECKey withThumbprint(ECKey key) {
        try {
            return new ECKey.Builder(key).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generate(Instant now) {
        try {
            return withThumbprint(new ECKeyGenerator(Curve.P_256).issueTime(Date.from(now)).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(List<ECKey> all) {
        files.write(keyFile, new JWKSet(List.copyOf(all)).toString(false));
    }
}
