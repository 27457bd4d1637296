package no.formidler.webapp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.formidler.auth.Organization;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenID Connect provider of {@code formidler.web.oidc.*}: its metadata (discovered once), the authorization
 * request with PKCE, and the code exchange whose ID token must be signed by the provider, issued for our client,
 * carry the nonce we sent and name an organisation in the configured claim.
 */
@Component
class OidcProvider {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final WebOidcProperties properties;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile Metadata metadata;

    OidcProvider(WebOidcProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    record Metadata(String authorizationEndpoint, String tokenEndpoint, NimbusJwtDecoder decoder) {
    }

    URI authorizationRequest(String redirectUri, OidcState state) {
        Map<String, String> query = Map.of("response_type", "code", "client_id", properties.clientId(),
                "redirect_uri", redirectUri, "scope", properties.scopes(), "state", state.state(), "nonce", state.nonce(),
                "code_challenge", state.codeChallenge(), "code_challenge_method", "S256");
        return URI.create(metadata().authorizationEndpoint() + (metadata().authorizationEndpoint().contains("?") ? "&" : "?")
                + form(query));
    }

    /** The organisation the signed-in person acts for, or empty when the provider's answer does not hold up. */
    Optional<Organization> exchange(String code, String redirectUri, OidcState state) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(metadata().tokenEndpoint())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        Map<String, String> body = new java.util.LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "code_verifier", state.verifier(), "client_id", properties.clientId()));
        if (properties.clientSecret() != null && !properties.clientSecret().isBlank()) {
            String basic = URLEncoder.encode(properties.clientId(), StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(properties.clientSecret(), StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        String idToken;
        try {
            idToken = json.readTree(response.body()).path("id_token").asString("");
        } catch (JacksonException e) {
            return Optional.empty();
        }
        try {
            Jwt jwt = metadata().decoder().decode(idToken);
            // The decoder is shared by concurrent sign-ins, so the per-sign-in nonce is compared here, not in it.
            String nonce = jwt.getClaimAsString("nonce");
            if (nonce == null || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
                    state.nonce().getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            Object claim = jwt.getClaims().get(properties.orgNumberClaim());
            return claim == null ? Optional.empty() : Organization.fromAnyForm(String.valueOf(claim));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private NimbusJwtDecoder decoder(String jwksUri) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri).build();
        OAuth2TokenValidator<Jwt> validators = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.clientId())));
        decoder.setJwtValidator(validators);
        return decoder;
    }

    private Metadata metadata() {
        Metadata known = metadata;
        if (known != null) {
            return known;
        }
        try {
            String issuer = properties.issuer().replaceAll("/+$", "");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(issuer + "/.well-known/openid-configuration")).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("OIDC discovery answered " + response.statusCode());
            }
            JsonNode doc = json.readTree(response.body());
            known = new Metadata(doc.path("authorization_endpoint").asString(), doc.path("token_endpoint").asString(),
                    decoder(doc.path("jwks_uri").asString()));
            metadata = known;
            return known;
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("OIDC discovery failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
