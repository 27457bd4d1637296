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
        @DefaultValue Scan scan,
        @DefaultValue ApiKey apiKey,
        @DefaultValue TokenExchange tokenExchange,
        @DefaultValue Altinn altinn) {

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

    /** The {@code Ocp-Apim-Subscription-Key} that Altinn clients send: ignored unless required. */
    public record ApiKey(@DefaultValue("false") boolean required, @DefaultValue List<String> keys) {
    }

    /** The broker's own token issuer for {@code /authentication/api/v1/exchange/maskinporten}. */
    public record TokenExchange(@DefaultValue("formidler") String issuer) {
    }

    /**
     * Altinn platform mode: the platform gateway (Authorization, Resource Registry, Register), its subscription key,
     * and the broker's own bearer token for those calls.
     */
    public record Altinn(@DefaultValue("https://platform.tt02.altinn.no/") String platformBaseUrl,
                         String subscriptionKey,
                         String accessToken,
                         @DefaultValue("10s") java.time.Duration timeout) {
    }

    public boolean devTokensEnabled() {
        return devTokens.enabled() == null ? mode == Mode.STANDALONE : devTokens.enabled();
    }

    public boolean malwareScanning() {
        return !"none".equalsIgnoreCase(scan.type());
    }
}
