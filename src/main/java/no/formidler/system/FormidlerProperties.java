package no.formidler.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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

    /**
     * Malware scanning: {@code none}, {@code clamd} (in process, while the bytes arrive, and by a background job for
     * what could not be scanned then) or {@code webhook} (an external scanner posts its results).
     */
    public record Scan(@DefaultValue("none") ScanType type, @DefaultValue Clamd clamd, @DefaultValue Webhook webhook,
                       @DefaultValue("PT10S") Duration retryBackoff,
                       @DefaultValue("PT10M") Duration maxRetryBackoff) {
    }

    public enum ScanType { NONE, CLAMD, WEBHOOK }

    /** clamd over TCP ({@code host}/{@code port}) or over a Unix socket ({@code socket}, which wins when set). */
    public record Clamd(@DefaultValue("127.0.0.1") String host, @DefaultValue("3310") int port, Path socket,
                        @DefaultValue("100MB") DataSize streamMaxLength, @DefaultValue("PT5S") Duration connectTimeout,
                        @DefaultValue("PT10M") Duration timeout) {
    }

    /** The external scanner's results endpoint: requests must carry {@code secret} in the header {@code secretHeader}. */
    public record Webhook(String secret, @DefaultValue("X-Formidler-Scan-Secret") String secretHeader) {
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
        return scan.type() != ScanType.NONE;
    }

    /** The largest file the in-process scanner can take (clamd's StreamMaxLength), when there is one. */
    public OptionalLong scannerStreamLimit() {
        return scan.type() == ScanType.CLAMD ? OptionalLong.of(scan.clamd().streamMaxLength().toBytes()) : OptionalLong.empty();
    }
}
