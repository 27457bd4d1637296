package no.formidler.system;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The broker's own settings ({@code formidler.*}); each is documented in README. */
@ConfigurationProperties("formidler")
public record FormidlerProperties(
        @DefaultValue("standalone") Mode mode,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue Auth auth,
        @DefaultValue DevTokens devTokens,
        @DefaultValue Scan scan) {

    public enum Mode { STANDALONE, ALTINN }

    /** Trusted token issuers; each by JWKS URL or by a PEM public key file. */
    public record Auth(@DefaultValue List<Issuer> issuers) {
    }

    public record Issuer(String issuer, String jwksUri, Path publicKeyLocation) {
    }

    /** The development token issuer: on in standalone mode unless switched off. */
    public record DevTokens(Boolean enabled, @DefaultValue("formidler-dev") String issuer) {
    }

    public record Scan(@DefaultValue("none") String type) {
    }

    public boolean devTokensEnabled() {
        return devTokens.enabled() == null ? mode == Mode.STANDALONE : devTokens.enabled();
    }

    public boolean malwareScanning() {
        return !"none".equalsIgnoreCase(scan.type());
    }
}
