package no.formidler.altinn;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Altinn platform mode: the broker's own Maskinporten client ({@code formidler.altinn.maskinporten.*}, README). When
 * {@code clientId} is set, the platform token is fetched with it and exchanged at Altinn Authentication, instead of
 * the static {@code formidler.altinn.access-token}.
 *
 * @param keyLocation a PEM private key (PKCS#8), a PKCS#12 file ({@code .p12}/{@code .pfx}) or a JWK file ({@code .json})
 * @param audience    the grant's {@code aud}: Maskinporten's issuer; the token URL when not set
 * @param exchangeUrl Altinn Authentication's exchange; {@code <platform-base-url>authentication/api/v1/exchange/maskinporten}
 *                    when not set
 */
@ConfigurationProperties("formidler.altinn.maskinporten")
public record MaskinportenClientSettings(String clientId, String tokenUrl, String audience, String scope, String kid,
                                         Path keyLocation, String keyPassword, String keyAlias, String exchangeUrl,
                                         @DefaultValue("60s") Duration renewBefore,
                                         @DefaultValue("1s") Duration firstRetry,
                                         @DefaultValue("5m") Duration maxRetryInterval,
                                         @DefaultValue("10s") Duration timeout) {

    boolean configured() {
        return clientId != null && !clientId.isBlank();
    }
}
