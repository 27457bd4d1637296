package no.formidler.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compact JWS with RS256, written with the JDK alone (a grant assertion needs nothing more). */
final class JwtSigner {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private JwtSigner() {
    }

    static String rs256(PrivateKey key, String kid, Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("kid", kid);
        header.put("typ", "JWT");
        try {
            String signingInput = URL.encodeToString(Json.MAPPER.writeValueAsBytes(header)) + "."
                    + URL.encodeToString(Json.MAPPER.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the grant assertion", e);
        }
    }
}
