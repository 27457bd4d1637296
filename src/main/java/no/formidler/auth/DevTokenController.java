package no.formidler.auth;

import no.formidler.error.ValidationException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Serves development tokens as plain text; registered only while the development issuer is on. */
@RestController
@ConditionalOnDevTokens
@RequestMapping("/dev/tokens")
class DevTokenController {
    private final DevTokenIssuer issuer;

    DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping(value = "/enterprise", produces = MediaType.TEXT_PLAIN_VALUE)
    String enterprise(@RequestParam String orgNo, @RequestParam(defaultValue = "") String scopes,
                      @RequestParam(required = false) String org) {
        Organization organization = Organization.fromAnyForm(orgNo)
                .filter(o -> o.number().equals(orgNo))
                .orElseThrow(() -> ValidationException.of("orgNo", "orgNo must be a 9-digit organisation number"));
        return issuer.enterpriseToken(organization, scopes, org);
    }

    @GetMapping(value = "/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    String jwks() {
        return issuer.publicJwkSet();
    }
}
