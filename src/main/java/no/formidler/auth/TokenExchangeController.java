package no.formidler.auth;

import io.swagger.v3.oas.annotations.Operation;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Altinn platform authentication's exchange endpoint, so client code written for Altinn runs unchanged: a token from
 * a trusted issuer becomes a broker-signed token with the same identity and scopes, answered as plain text.
 */
@RestController
class TokenExchangeController {
    private final BrokerTokenSigner signer;

    TokenExchangeController(BrokerTokenSigner signer) {
        this.signer = signer;
    }

    @Operation(summary = "Exchange a Maskinporten token for a broker token (as Altinn platform authentication)")
    @GetMapping(value = "/authentication/api/v1/exchange/maskinporten", produces = MediaType.TEXT_PLAIN_VALUE)
    String maskinporten(@AuthenticationPrincipal Jwt token, Caller caller) {
        // Exchanging a broker token again would only stretch its life.
        if (signer.issuer().equals(token.getClaimAsString("iss"))) {
            throw new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE);
        }
        return signer.exchange(token, caller);
    }
}
