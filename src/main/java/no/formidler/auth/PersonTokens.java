package no.formidler.auth;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Tokens for people signed in to the web app: signed by the broker's own issuer, so the API decides what a person may
 * do exactly as it decides for a program with the same organisation and scopes.
 */
@Component
public class PersonTokens {
    /** Short, so a session that is ended or taken away stops working soon; a session asks for a new one. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    private final BrokerTokenSigner signer;

    PersonTokens(BrokerTokenSigner signer) {
        this.signer = signer;
    }

    public String sign(Organization org, String scopes) {
        return signer.forOrganization(org, scopes, LIFETIME);
    }
}
