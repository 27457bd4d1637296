package no.formidler.auth;

import java.time.Clock;
import no.formidler.secrets.SealedFiles;
import no.formidler.system.FormidlerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Maskinporten-compatible endpoint's parts; unregistered clients are accepted only while dev tokens are on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMaskinportenEndpoint
class MaskinportenConfiguration {
    private static final Logger log = LoggerFactory.getLogger(MaskinportenConfiguration.class);
    /** Grants and tokens are checked against real time, like every token (see SecurityConfiguration). */
    private static final Clock TOKEN_CLOCK = Clock.systemUTC();

    @Bean
    MaskinportenIssuer maskinportenIssuer(FormidlerProperties properties, MaskinportenSettings settings,
                                          SealedFiles files) {
        return MaskinportenIssuer.load(properties.dataDir().resolve("maskinporten-issuer").resolve("signing-key.jwk.json"), files,
                settings.issuer(), settings.lifetime(), TOKEN_CLOCK);
    }

    @Bean
    MaskinportenGrant maskinportenGrant(FormidlerProperties properties, MaskinportenSettings settings, JdbcClient jdbc) {
        boolean unregistered = properties.devTokensEnabled();
        if (unregistered) {
            log.warn("POST /maskinporten/token accepts unregistered clients without checking their signature while "
                    + "development tokens are on. Set formidler.dev-tokens.enabled=false outside development.");
        }
        return new MaskinportenGrant(new MaskinportenClients(settings.clients(), TOKEN_CLOCK), unregistered,
                new UsedAssertions(jdbc), TOKEN_CLOCK);
    }
}
