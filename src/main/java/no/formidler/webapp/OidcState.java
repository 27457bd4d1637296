package no.formidler.webapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * One sign-in in flight: the state and nonce sent to the provider, the PKCE verifier, and the role asked for. Kept
 * in a short-lived HttpOnly cookie (SameSite=Lax, since the provider's redirect back is a cross-site navigation).
 */
record OidcState(String state, String nonce, String verifier, SignInRole role) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    static OidcState start(SignInRole role) {
        return new OidcState(random(), random(), random() + random(), role);
    }

    String codeChallenge() {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String cookieValue() {
        return String.join(".", state, nonce, verifier, role.id());
    }

    static Optional<OidcState> fromCookie(String value) {
        String[] parts = value.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        return SignInRole.of(parts[3]).map(role -> new OidcState(parts[0], parts[1], parts[2], role));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }
}
