package no.formidler.auth;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import no.formidler.system.FormidlerProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Maskinporten-compatible token endpoint for standalone mode, so that a client that fetches its own Maskinporten
 * token works by pointing its Maskinporten URL here: {@code POST /maskinporten/token} with a JWT-bearer grant answers
 * Maskinporten's JSON, and errors are OAuth's {@code {"error", "error_description"}}. Its keys are at
 * {@code /maskinporten/jwk}. The broker trusts its tokens, and so does the exchange.
 */
@RestController
@ConditionalOnMaskinportenEndpoint
@RequestMapping("/maskinporten")
class MaskinportenTokenController {
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private final MaskinportenGrant grant;
    private final MaskinportenIssuer issuer;
    private final Set<String> audiences;

    MaskinportenTokenController(MaskinportenGrant grant, MaskinportenIssuer issuer, FormidlerProperties properties) {
        this.grant = grant;
        this.issuer = issuer;
        this.audiences = audiences(properties.publicBaseUrl(), issuer.issuer());
    }

    @Operation(summary = "Maskinporten-compatible JWT-bearer grant (standalone mode)")
    @PostMapping(value = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> token(@RequestParam(name = "grant_type", required = false) String grantType,
                              @RequestParam(required = false) String assertion) {
        if (!JWT_BEARER.equals(grantType)) {
            throw new MaskinportenGrant.Refused("unsupported_grant_type", "Only " + JWT_BEARER + " is supported.");
        }
        MaskinportenGrant.Granted granted = grant.check(assertion, audiences);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", issuer.sign(granted));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", issuer.lifetime().toSeconds());
        answer.put("scope", granted.scope());
        return answer;
    }

    @GetMapping(value = "/jwk", produces = MediaType.APPLICATION_JSON_VALUE)
    String keys() {
        return issuer.publicJwkSet();
    }

    @ExceptionHandler(MaskinportenGrant.Refused.class)
    ResponseEntity<Map<String, String>> refused(MaskinportenGrant.Refused e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.error, "error_description", e.getMessage()));
    }

    /**
     * Clients put the issuer or the token endpoint's URL in {@code aud}; both are taken, as Maskinporten does. Only the
     * configured forms count: a URL built from the request would let the Host header choose the audience.
     */
    private static Set<String> audiences(String publicBaseUrl, String issuer) {
        String base = publicBaseUrl.replaceAll("/+$", "");
        return Set.of(issuer, issuer + "/", base + "/maskinporten/token", base + "/maskinporten/", base + "/maskinporten");
    }
}
