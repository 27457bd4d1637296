package no.formidler.altinn;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import no.formidler.events.PlatformAccessToken;
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
    AltinnPlatformClient altinnPlatformClient(FormidlerProperties properties) {
        FormidlerProperties.Altinn altinn = properties.altinn();
        HttpClient http = HttpClient.newBuilder().connectTimeout(altinn.timeout()).build();
        return new AltinnPlatformClient(http, URI.create(altinn.platformBaseUrl()),
                Optional.ofNullable(altinn.subscriptionKey()), Optional.ofNullable(altinn.accessToken()),
                altinn.timeout(), delay -> Thread.sleep(delay.toMillis()));
    }

    @Bean
    AltinnPolicyDecisionPoint altinnPolicyDecisionPoint(AltinnPlatformClient platform, ResourceCatalog resources) {
        return new AltinnPolicyDecisionPoint(platform, id -> resources.find(id).isPresent());
    }

    /** The broker's own bearer token for Altinn Events, the same one it presents to the other platform services. */
    @Bean
    PlatformAccessToken platformAccessToken(FormidlerProperties properties) {
        Optional<String> token = Optional.ofNullable(properties.altinn().accessToken()).filter(t -> !t.isBlank());
        return () -> token;
    }

    @Bean
    AltinnResourceRegistry altinnResourceRegistry(AltinnPlatformClient platform) {
        return new AltinnResourceRegistry(platform);
    }
}
