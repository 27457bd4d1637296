package no.formidler.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** Tokens from a standalone broker's development issuer, refreshed before they expire. */
final class DevelopmentTokens extends RefreshingToken {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;

    DevelopmentTokens(String brokerBaseUrl, String orgNo, String scopes) {
        super(Clock.systemUTC());
        this.uri = URI.create(brokerBaseUrl.replaceAll("/+$", "") + "/dev/tokens/enterprise?orgNo="
                + URLEncoder.encode(orgNo, StandardCharsets.UTF_8) + "&scopes=" + URLEncoder.encode(scopes, StandardCharsets.UTF_8));
    }

    @Override
    String fetch() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BrokerProblemException(response.statusCode(), null, "Development issuer refused", response.body(), null);
            }
            return response.body().strip();
        } catch (IOException e) {
            throw new BrokerUnreachableException("The development issuer could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnreachableException("Interrupted", new IOException(e));
        }
    }
}
