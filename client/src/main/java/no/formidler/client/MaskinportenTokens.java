package no.formidler.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maskinporten's JWT-bearer grant (an assertion signed with the client's RSA key and {@code kid}, optionally with a
 * system user's {@code authorization_details}), then, if an exchange URL is set, Altinn's token exchange
 * ({@code GET /authentication/api/v1/exchange/maskinporten}). The result is cached until shortly before it expires.
 */
public final class MaskinportenTokens extends RefreshingToken {
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private final HttpClient http;
    private final Builder settings;
    private final PrivateKey key;

    private MaskinportenTokens(Builder settings) {
        super(settings.clock);
        this.settings = settings;
        this.key = settings.privateKey != null ? settings.privateKey : PemKeys.readPrivateKey(settings.keyFile);
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout).build();
    }

    @Override
    String fetch() {
        String maskinporten = grant();
        if (settings.exchangeUrl == null) {
            return maskinporten;
        }
        HttpRequest exchange = HttpRequest.newBuilder(settings.exchangeUrl).timeout(settings.timeout)
                .header("Authorization", "Bearer " + maskinporten).GET().build();
        String body = send(exchange, "Altinn's token exchange");
        return body.strip().replaceAll("^\"|\"$", ""); // Altinn answers the bare token, some gateways quote it
    }

    private String grant() {
        String assertion = assertion();
        String form = "grant_type=" + URLEncoder.encode(JWT_BEARER, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(settings.tokenEndpoint).timeout(settings.timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String body = send(request, "Maskinporten");
        try {
            JsonNode answer = Json.MAPPER.readTree(body);
            JsonNode token = answer.get("access_token");
            if (token == null) {
                throw new BrokerProblemException(200, null, "Maskinporten answered without access_token", body, null);
            }
            return token.asText();
        } catch (IOException e) {
            throw new BrokerProblemException(200, null, "Maskinporten answered with something other than JSON", body, null);
        }
    }

    /** The signed grant, as Maskinporten's documentation describes it (JWT grant with {@code kid} in the header). */
    String assertion() {
        long now = settings.clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", settings.audience);
        claims.put("iss", settings.clientId);
        claims.put("scope", String.join(" ", settings.scopes));
        claims.put("iat", now);
        claims.put("exp", now + 120);
        claims.put("jti", java.util.UUID.randomUUID().toString());
        if (settings.systemUserOrg != null) {
            claims.put("authorization_details", List.of(Map.of("type", "urn:altinn:systemuser",
                    "systemuser_org", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + settings.systemUserOrg))));
        }
        return JwtSigner.rs256(key, settings.kid, claims);
    }

    private String send(HttpRequest request, String who) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw BrokerHttp.problemOf(response.statusCode(), response.body(), who + " refused the token request");
            }
            return response.body();
        } catch (IOException e) {
            throw new BrokerUnreachableException(who + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnreachableException("Interrupted", new IOException(e));
        }
    }

    /** Settings of the grant; {@code tokenEndpoint}, {@code audience}, {@code clientId}, a key, {@code kid} and scopes are required. */
    public static final class Builder {
        private URI tokenEndpoint;
        private String audience;
        private String clientId;
        private PrivateKey privateKey;
        private Path keyFile;
        private String kid;
        private List<String> scopes = List.of();
        private String systemUserOrg;
        private URI exchangeUrl;
        private Duration timeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        /** Maskinporten's token endpoint, e.g. {@code https://test.maskinporten.no/token}. */
        public Builder tokenEndpoint(String uri) {
            this.tokenEndpoint = URI.create(uri);
            return this;
        }

        /** Maskinporten's issuer, the assertion's {@code aud}, e.g. {@code https://test.maskinporten.no/}. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder privateKey(PrivateKey key) {
            this.privateKey = key;
            return this;
        }

        /** A PEM file holding the client's RSA private key in PKCS#8 ({@code BEGIN PRIVATE KEY}). */
        public Builder keyFile(Path keyFile) {
            this.keyFile = keyFile;
            return this;
        }

        public Builder kid(String kid) {
            this.kid = kid;
            return this;
        }

        public Builder scopes(String... scopes) {
            this.scopes = List.of(scopes);
            return this;
        }

        /** Acts for a system user of this organisation (9 digits): adds Altinn's {@code authorization_details}. */
        public Builder systemUserOrg(String orgNo) {
            this.systemUserOrg = orgNo;
            return this;
        }

        /** Altinn's exchange, e.g. {@code https://platform.tt02.altinn.no/authentication/api/v1/exchange/maskinporten}. */
        public Builder exchangeUrl(String uri) {
            this.exchangeUrl = URI.create(uri);
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public MaskinportenTokens build() {
            Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(kid, "kid");
            if (privateKey == null && keyFile == null) {
                throw new IllegalStateException("a privateKey or keyFile is required");
            }
            return new MaskinportenTokens(this);
        }
    }
}
