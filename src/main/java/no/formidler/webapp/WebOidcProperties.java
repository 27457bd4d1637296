package no.formidler.webapp;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code formidler.web.oidc.*}: the OpenID Connect provider people sign in with (authorization code + PKCE). Off
 * while {@code issuer} is unset.
 */
@ConfigurationProperties("formidler.web.oidc")
record WebOidcProperties(String issuer, String clientId, String clientSecret,
                         @DefaultValue("openid") String scopes,
                         @DefaultValue("orgno") String orgNumberClaim,
                         List<String> serviceOwnerOrgs) {
    WebOidcProperties {
        serviceOwnerOrgs = serviceOwnerOrgs == null ? List.of() : List.copyOf(serviceOwnerOrgs);
    }

    boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }
}
