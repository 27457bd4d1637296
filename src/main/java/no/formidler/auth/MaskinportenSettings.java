package no.formidler.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The broker's Maskinporten-compatible token endpoint ({@code formidler.maskinporten.*}, README): on in standalone
 * mode unless switched off, with the clients it knows.
 *
 * @param issuer    the {@code iss} of its tokens; a grant's {@code aud} must be this or the token endpoint's URL
 * @param lifetime  how long a token lives (Maskinporten's default is 120 s)
 */
@ConfigurationProperties("formidler.maskinporten")
public record MaskinportenSettings(Boolean enabled,
                                   @DefaultValue("formidler-maskinporten") String issuer,
                                   @DefaultValue("120s") Duration lifetime,
                                   @DefaultValue List<Client> clients) {

    /**
     * A registered client: its id (the grant's {@code iss}), its organisation, its public key (a PEM file or a JWKS
     * URL whose keys are picked by {@code kid}), the scopes it may ask for (only
     * {@code altinn:broker.read} and {@code altinn:broker.write} when empty), and the organisations it
     * may act for besides its own, as a supplier ({@code consumer_org}) or through a system user
     * ({@code authorization_details}).
     */
    public record Client(String clientId, String orgNumber, Path publicKeyLocation, String jwksUri,
                         @DefaultValue List<String> scopes, @DefaultValue List<String> actsFor) {
    }
}
