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
        return issuer.enterpriseToken(nineDigits("orgNo", orgNo), scopes, org);
    }

    @GetMapping(value = "/systemuser", produces = MediaType.TEXT_PLAIN_VALUE)
    String systemUser(@RequestParam String systemUserOrg, @RequestParam String vendorOrgNo,
                      @RequestParam(defaultValue = "") String scopes) {
        return issuer.systemUserToken(nineDigits("systemUserOrg", systemUserOrg), nineDigits("vendorOrgNo", vendorOrgNo), scopes);
    }

    private static Organization nineDigits(String field, String value) {
        return Organization.fromAnyForm(value)
                .filter(o -> o.number().equals(value))
                .orElseThrow(() -> ValidationException.of(field, field + " must be a 9-digit organisation number"));
    }

    @GetMapping(value = "/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    String jwks() {
        return issuer.publicJwkSet();
    }
}
