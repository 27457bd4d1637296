package no.formidler.auth;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Altinn platform authentication's exchange endpoint, so client code written for Altinn runs unchanged: a token from
 * a trusted issuer becomes a broker-signed token with the same identity and scopes. Like Altinn, it answers plain text,
 * or the token as a JSON string to {@code Accept: application/json} (the reference's k6 and tus tests send that).
 */
@RestController
class TokenExchangeController {
    private static final List<MediaType> PRODUCED = List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON);
    private final BrokerTokenSigner signer;

    TokenExchangeController(BrokerTokenSigner signer) {
        this.signer = signer;
    }

    @Operation(summary = "Exchange a Maskinporten token for a broker token (as Altinn platform authentication)")
    @GetMapping("/authentication/api/v1/exchange/maskinporten")
    ResponseEntity<String> maskinporten(@AuthenticationPrincipal Jwt token, Caller caller,
                                        @RequestHeader(value = "Accept", required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        MediaType type = answerType(accept);
        // Exchanging a broker token again would only stretch its life.
        if (signer.issuer().equals(token.getClaimAsString("iss"))) {
            throw new BrokerException(BrokerError.NO_ACCESS_TO_RESOURCE);
        }
        String exchanged = signer.exchange(token, caller);
        // A JWT is base64url and dots only, so quoting it is the whole of its JSON encoding.
        String body = type.equals(MediaType.APPLICATION_JSON) ? '"' + exchanged + '"' : exchanged;
        return ResponseEntity.ok().contentType(type).body(body);
    }

    /** The first type the caller accepts, by quality; plain text when it does not say. */
    private static MediaType answerType(String accept) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) {
            return MediaType.TEXT_PLAIN;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException e) {
            throw new HttpMediaTypeNotAcceptableException(PRODUCED);
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType wanted : accepted) {
            for (MediaType produced : PRODUCED) {
                if (wanted.getQualityValue() > 0 && wanted.isCompatibleWith(produced)) {
                    return produced;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(PRODUCED);
    }
}
