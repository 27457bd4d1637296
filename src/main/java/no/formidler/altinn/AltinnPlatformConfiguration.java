package no.formidler.altinn;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import no.formidler.resource.ResourceCatalog;
import no.formidler.system.FormidlerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Altinn platform mode ({@code formidler.mode=altinn}): decisions and access lists come from Altinn. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "formidler.mode", havingValue = "altinn")
class AltinnPlatformConfiguration {

    @Bean
    AltinnPlatformClient altinnPlatformClient(FormidlerProperties properties, PlatformAccessToken token) {
        FormidlerProperties.Altinn altinn = properties.altinn();
        HttpClient http = HttpClient.newBuilder().connectTimeout(altinn.timeout()).build();
        return new AltinnPlatformClient(http, URI.create(altinn.platformBaseUrl()),
                Optional.ofNullable(altinn.subscriptionKey()), token,
                altinn.timeout(), delay -> Thread.sleep(delay.toMillis()));
    }

    @Bean
    AltinnPolicyDecisionPoint altinnPolicyDecisionPoint(AltinnPlatformClient platform, ResourceCatalog resources) {
        return new AltinnPolicyDecisionPoint(platform, id -> resources.find(id).isPresent());
    }

    /**
     * The broker's own bearer token for the platform services and Altinn Events: fetched with its Maskinporten client
     * when one is configured, else the static {@code formidler.altinn.access-token}.
     */
    @Bean
    PlatformAccessToken platformAccessToken(FormidlerProperties properties, MaskinportenClientSettings maskinporten) {
        if (maskinporten.configured()) {
            return platformTokenSource(properties, maskinporten);
        }
        Optional<String> token = Optional.ofNullable(properties.altinn().accessToken()).filter(t -> !t.isBlank());
        return () -> token;
    }

    private static PlatformTokenSource platformTokenSource(FormidlerProperties properties, MaskinportenClientSettings mp) {
        if (mp.tokenUrl() == null || mp.keyLocation() == null || mp.scope() == null) {
            throw new IllegalStateException("formidler.altinn.maskinporten needs token-url, key-location and scope");
        }
        String platform = properties.altinn().platformBaseUrl();
        URI exchange = URI.create(mp.exchangeUrl() != null && !mp.exchangeUrl().isBlank() ? mp.exchangeUrl()
                : platform.replaceAll("/+$", "") + "/authentication/api/v1/exchange/maskinporten");
        HttpClient http = HttpClient.newBuilder().connectTimeout(mp.timeout()).build();
        return new PlatformTokenSource(mp, ClientKey.read(mp.keyLocation(), mp.keyPassword(), mp.keyAlias(), mp.kid()),
                exchange, Optional.ofNullable(properties.altinn().subscriptionKey()), http, Clock.systemUTC());
    }

    @Bean
    AltinnResourceRegistry altinnResourceRegistry(AltinnPlatformClient platform) {
        return new AltinnResourceRegistry(platform);
    }
}
